import { Injectable } from '@nestjs/common';
import { Database } from '@tcma/persistence';

/**
 * Single sign-on's records past their use: SAML AuthnRequests no answer can name any more, used
 * assertion ids no copy of could be accepted again (each row carries its own expiry), and
 * refusals older than their retention. A system job over every vendor's connections.
 */
@Injectable()
export class SamlRecordsRepository {
  constructor(private readonly db: Database) {}

  async removeExpiredForSystem(
    now: Date,
    refusalsBefore: Date,
  ): Promise<{ requests: number; assertions: number; refusals: number }> {
    const requests = await this.db.deleteFrom('samlRequests').where('expiresAt', '<=', now).executeTakeFirst();
    const assertions = await this.db.deleteFrom('samlAssertions').where('expiresAt', '<=', now).executeTakeFirst();
    const refusals = await this.db.deleteFrom('ssoRefusals').where('createdAt', '<', refusalsBefore).executeTakeFirst();
    return {
      requests: Number(requests.numDeletedRows),
      assertions: Number(assertions.numDeletedRows),
      refusals: Number(refusals.numDeletedRows),
    };
  }
}

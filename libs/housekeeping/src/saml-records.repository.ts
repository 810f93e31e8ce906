import { Injectable } from '@nestjs/common';
import { Database } from '@tcma/persistence';

/**
 * SAML's one-time records past their use: AuthnRequests no answer can name any more, and used
 * assertion ids no copy of could be accepted again (each row carries its own expiry). A system
 * job over every vendor's connections.
 */
@Injectable()
export class SamlRecordsRepository {
  constructor(private readonly db: Database) {}

  async removeExpiredForSystem(now: Date): Promise<{ requests: number; assertions: number }> {
    const requests = await this.db.deleteFrom('samlRequests').where('expiresAt', '<=', now).executeTakeFirst();
    const assertions = await this.db.deleteFrom('samlAssertions').where('expiresAt', '<=', now).executeTakeFirst();
    return { requests: Number(requests.numDeletedRows), assertions: Number(assertions.numDeletedRows) };
  }
}

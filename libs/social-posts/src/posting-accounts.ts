import type { PartnerScope, SocialNetwork } from '@tcma/persistence';

/** The partner's connected account a post is published as, with a usable access token. */
export interface PostingAccount {
  connectionId: string;
  accessToken: string;
  accountId: string;
}

/** One of the partner's social accounts as a post's choice of account sees it. */
export interface ChoosableAccount {
  connectionId: string;
  network: SocialNetwork;
  accountName: string;
  /** Working (active, or expiring and not yet expired): posts can go out through it now. */
  usable: boolean;
  status: string;
}

/**
 * What publishing needs of social connections: which networks a partner has connected, a
 * usable token for one, and marking one broken (which tells the partner). Bound in
 * SocialPostsModule to the social connections of libs/social.
 */
export abstract class PostingAccounts {
  abstract connectedNetworks(scope: PartnerScope): Promise<SocialNetwork[]>;
  /** The partner's account of `connectionId` when one was chosen, else the network's default (the most recently connected working one). */
  abstract forPosting(
    scope: PartnerScope,
    network: SocialNetwork,
    connectionId: string | null,
  ): Promise<PostingAccount | null>;
  /** One of the partner's accounts, whatever its state; null when the partner has none of this id. */
  abstract find(scope: PartnerScope, connectionId: string): Promise<ChoosableAccount | null>;
  abstract markBroken(scope: PartnerScope, connectionId: string, reason: string): Promise<void>;
  /** Why there is no account to post to on the network (a disconnected one tells the partner, once): the delivery's failure reason. */
  abstract unavailableReason(scope: PartnerScope, network: SocialNetwork, connectionId: string | null): Promise<string>;
}

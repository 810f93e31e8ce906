import type { PostNetwork } from './social-networks';

/** The partner's chosen connection per network; a network left out goes out as its default. */
export type SocialAccountChoice = Partial<Record<PostNetwork, string>>;

/** What a picker needs of a connection (GET /social-connections, oldest first). */
export interface AccountOption {
  id: string;
  network: PostNetwork;
  accountName: string;
  status: string;
}

/** One network's picker: its working accounts, and the default the API posts as when none is chosen. */
export interface AccountPicker {
  network: PostNetwork;
  accounts: AccountOption[];
  /** The most recently connected working account (the list is oldest first), or none. */
  defaultAccount: AccountOption | null;
}

/** Connections posts can go out through (the API's rule, shown; it checks again). */
const WORKING = new Set(['active', 'expiring']);

/**
 * A picker for each network posted to where there is a choice to make: more than one working
 * account, or one chosen already (kept visible so it can be cleared), or the API's error to show.
 */
export function accountPickers(
  connections: AccountOption[],
  networks: PostNetwork[],
  chosen: SocialAccountChoice,
  hasError: (network: PostNetwork) => boolean,
): AccountPicker[] {
  const working = connections.filter((c) => WORKING.has(c.status));
  return networks
    .map((network) => {
      const accounts = working.filter((c) => c.network === network);
      return { network, accounts, defaultAccount: accounts.at(-1) ?? null };
    })
    .filter((p) => p.accounts.length > 1 || chosen[p.network] !== undefined || hasError(p.network));
}

/** The choice as sent: only the networks posted to (an account of a network unticked is dropped). */
export function choiceFor(networks: PostNetwork[], chosen: SocialAccountChoice): SocialAccountChoice {
  const out: SocialAccountChoice = {};
  for (const network of networks) if (chosen[network]) out[network] = chosen[network];
  return out;
}

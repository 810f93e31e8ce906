import type { PostNetwork } from './social-networks';

/** The partner's chosen connection per network; a network left out goes out as its default. */
export type SocialAccountChoice = Partial<Record<PostNetwork, string>>;

/** What a picker needs of a connection (GET /social-connections). */
export interface AccountOption {
  id: string;
  network: PostNetwork;
  accountName: string;
  status: string;
  /** When its access ends unless refreshed; null: it does not. */
  expiresAt: string | null;
  /** When it was first connected (connecting the same account again keeps it). */
  createdAt: string;
}

/** What to show for one network posted to. */
export type AccountPicker =
  | {
      /** One working account and nothing chosen: said in words, nothing to choose. */
      kind: 'show';
      network: PostNetwork;
      account: AccountOption;
    }
  | {
      /** A select: the default (nothing chosen) or one of the working accounts. */
      kind: 'choose';
      network: PostNetwork;
      /** The working accounts, the earliest connected first. */
      accounts: AccountOption[];
      /** What a post goes out as when nothing is chosen: the most recently connected working account, or none. */
      defaultAccount: AccountOption | null;
      /**
       * The account chosen when it is not among `accounts` (a subscription's choice disconnected
       * since): its connection when still listed, null when removed. Shown so it can be changed.
       */
      lost?: { id: string; account: AccountOption | null };
    };

/** Statuses posts go out through (an expiring one until it expires): the API's, read from the list it gives. */
const WORKING = new Set(['active', 'expiring']);

/** Whether posts can go out through this connection at `now`, as the API decides when publishing. */
const works = (c: AccountOption, now: number): boolean =>
  WORKING.has(c.status) && (c.expiresAt === null || Date.parse(c.expiresAt) > now);

/**
 * For each network posted to, what the partner sees: a select where there is a choice to make
 * (more than one working account, or one chosen already, or the API's error to show at it), the
 * account it posts as where there is one, nothing where there is none (the API says so at the
 * networks). The default is the API's: the working account connected most recently.
 */
export function accountPickers(
  connections: AccountOption[],
  networks: PostNetwork[],
  chosen: SocialAccountChoice,
  hasError: (network: PostNetwork) => boolean,
  now: number,
): AccountPicker[] {
  // Oldest first by the time each was connected (a stable sort keeps the API's order on a tie).
  const byConnection = [...connections].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const pickers: AccountPicker[] = [];
  for (const network of networks) {
    const accounts = byConnection.filter((c) => c.network === network && works(c, now));
    const id = chosen[network];
    if (accounts.length === 1 && id === undefined && !hasError(network)) {
      pickers.push({ kind: 'show', network, account: accounts[0] });
      continue;
    }
    if (accounts.length < 2 && id === undefined && !hasError(network)) continue;
    const picker: AccountPicker = { kind: 'choose', network, accounts, defaultAccount: accounts.at(-1) ?? null };
    if (id !== undefined && !accounts.some((c) => c.id === id))
      picker.lost = { id, account: byConnection.find((c) => c.id === id) ?? null };
    pickers.push(picker);
  }
  return pickers;
}

/** The choice as sent: only the networks posted to (an account of a network unticked is dropped). */
export function choiceFor(networks: PostNetwork[], chosen: SocialAccountChoice): SocialAccountChoice {
  const out: SocialAccountChoice = {};
  for (const network of networks) if (chosen[network]) out[network] = chosen[network];
  return out;
}

import type { PostNetwork } from './social-networks';

/** The partner's chosen connection per network; a network left out goes out as its default. */
export type SocialAccountChoice = Partial<Record<PostNetwork, string>>;

/** What a picker needs of a connection (GET /social-connections). */
export interface AccountOption {
  id: string;
  network: PostNetwork;
  accountName: string;
  status: string;
  /** The API's: posts can go out through it now. */
  usable: boolean;
  /** The API's: its network's posts go out through it when no account is chosen. */
  postsByDefault: boolean;
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
      /** The working accounts, in the API's order (the earliest connected first). */
      accounts: AccountOption[];
      /** What a post goes out as when nothing is chosen (the API's postsByDefault), or none. */
      defaultAccount: AccountOption | null;
      /**
       * The account chosen when it is not among `accounts` (a subscription's choice disconnected
       * since): its connection when still listed, null when removed. Shown so it can be changed.
       */
      lost?: { id: string; account: AccountOption | null };
    };

/**
 * For each network posted to, what the partner sees: a select where there is a choice to make
 * (more than one working account, or one chosen already, or the API's error to show at it), the
 * account it posts as where there is one, nothing where there is none (the API says so at the
 * networks). Which accounts work and which is the default are the API's word (usable, postsByDefault).
 */
export function accountPickers(
  connections: AccountOption[],
  networks: PostNetwork[],
  chosen: SocialAccountChoice,
  hasError: (network: PostNetwork) => boolean,
): AccountPicker[] {
  const pickers: AccountPicker[] = [];
  for (const network of networks) {
    const accounts = connections.filter((c) => c.network === network && c.usable);
    const id = chosen[network];
    if (accounts.length === 1 && id === undefined && !hasError(network)) {
      pickers.push({ kind: 'show', network, account: accounts[0] });
      continue;
    }
    if (accounts.length < 2 && id === undefined && !hasError(network)) continue;
    const picker: AccountPicker = {
      kind: 'choose',
      network,
      accounts,
      defaultAccount: accounts.find((c) => c.postsByDefault) ?? null,
    };
    if (id !== undefined && !accounts.some((c) => c.id === id))
      picker.lost = { id, account: connections.find((c) => c.id === id) ?? null };
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

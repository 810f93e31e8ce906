/** The networks a partner posts to, as people name them. */
export const NETWORK_NAMES = { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' } as const;

export type PostNetwork = keyof typeof NETWORK_NAMES;

export const networkName = (network: PostNetwork): string => NETWORK_NAMES[network];

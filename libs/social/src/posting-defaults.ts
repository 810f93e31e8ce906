import type { SocialConnectionRow } from '@tcma/persistence';

/** Statuses posts go out through: an expiring connection still works until it expires. */
const WORKING = new Set<SocialConnectionRow['status']>(['active', 'expiring']);

/** Whether posts can go out through a connection now. */
export function connectionWorks(c: Pick<SocialConnectionRow, 'status' | 'expiresAt'>, now: Date): boolean {
  return WORKING.has(c.status) && (c.expiresAt === null || new Date(c.expiresAt).getTime() > now.getTime());
}

/**
 * The connection each network's posts go out through when none was chosen: the working one
 * connected most recently. `connections` in the order they were connected (createdAt, then id),
 * as the repository lists them.
 */
export function defaultConnections<C extends Pick<SocialConnectionRow, 'id' | 'network' | 'status' | 'expiresAt'>>(
  connections: readonly C[],
  now: Date,
): Map<SocialConnectionRow['network'], C> {
  const defaults = new Map<SocialConnectionRow['network'], C>();
  for (const c of connections) if (connectionWorks(c, now)) defaults.set(c.network, c);
  return defaults;
}

import type { components } from '../../api/client';
import { $api } from '../../api/query';

export type SocialConnection = components['schemas']['SocialConnectionDto'];

/**
 * The partner's social connections (at most 100: a partner has a handful), as the API lists them:
 * the social page shows them, and the "post as" pickers of a post and of a programme subscription
 * choose among them. One query, one cache entry, refreshed when a connection changes.
 */
export function useSocialConnections() {
  return $api.useQuery('get', '/social-connections', { params: { query: { limit: 100, offset: 0 } } });
}

import { $api } from '../../api/query';

/** The most partners a page names or offers to choose from (the API's largest page); others show as "a partner". */
export const PARTNERS_MAX = 200;

/**
 * The vendor's partners, for naming them in a list or choosing one (a preview, a filter): the
 * first page of the API's largest, optionally only the active ones. Several console pages read it;
 * a component shown in the portal too asks only where it offers the choice (`enabled`).
 */
export function usePartnerChoices(query: { status?: 'active' } = {}, enabled = true) {
  return $api.useQuery('get', '/partners', { params: { query: { limit: PARTNERS_MAX, ...query } } }, { enabled });
}

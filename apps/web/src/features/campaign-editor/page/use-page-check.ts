import { keepPreviousData } from '@tanstack/react-query';
import type { components } from '../../../api/client';
import { $api } from '../../../api/query';
import type { PageInput } from '../hooks/use-draft-edits';

export type PageCheck = components['schemas']['DraftPageCheckResultDto'];

/**
 * The API's check of the landing page as the marketer types (the caller debounces): the problems
 * saving it would answer 422 with, and the page as the chosen partner would serve it. The last
 * answer stays on screen while the next is asked.
 */
export function usePageCheck(campaignId: string, assetId: string | null, partnerId: string | null, page: PageInput) {
  return $api.useQuery(
    'post',
    '/campaigns/{id}/draft/page-check',
    {
      params: { path: { id: campaignId } },
      body: {
        ...(page as components['schemas']['DraftPageCheckDto']),
        ...(assetId ? { assetId } : {}),
        ...(partnerId ? { partnerId } : {}),
      },
    },
    { placeholderData: keepPreviousData },
  );
}

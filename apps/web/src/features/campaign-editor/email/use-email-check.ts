import { keepPreviousData } from '@tanstack/react-query';
import type { components } from '../../../api/client';
import { $api } from '../../../api/query';
import type { EmailInput } from '../hooks/use-draft-edits';

export type EmailCheck = components['schemas']['DraftEmailCheckResultDto'];
export type VocabularyEntry = components['schemas']['VocabularyEntryDto'];
export type DraftVocabulary = components['schemas']['DraftVocabularyDto'];

/**
 * The API's check of the email as the marketer types (the caller debounces): the problems
 * saving it would answer 422 with, and the email rendered as the chosen partner. A newer
 * question cancels the one in flight; the last answer stays on screen meanwhile.
 */
export function useEmailCheck(campaignId: string, assetId: string | null, partnerId: string | null, email: EmailInput) {
  return $api.useQuery(
    'post',
    '/campaigns/{id}/draft/email-check',
    {
      params: { path: { id: campaignId } },
      body: { ...email, ...(assetId ? { assetId } : {}), ...(partnerId ? { partnerId } : {}) },
    },
    { placeholderData: keepPreviousData },
  );
}

/** What the draft's templates may name and the mandatory footer, as the API checks them (read again with the draft). */
export function useDraftVocabulary(campaignId: string) {
  return $api.useQuery('get', '/campaigns/{id}/draft/vocabulary', { params: { path: { id: campaignId } } });
}

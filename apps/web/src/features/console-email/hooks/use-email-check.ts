import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';
import { campaignKey } from '../../console/hooks/use-campaign';
import type { EmailInput } from '../../console/hooks/use-draft-edits';

export type EmailCheck = components['schemas']['DraftEmailCheckResultDto'];
export type VocabularyEntry = components['schemas']['VocabularyEntryDto'];
export type DraftVocabulary = components['schemas']['DraftVocabularyDto'];

/**
 * The API's check of the email as the marketer types (the caller debounces): the problems
 * saving it would answer 422 with, and the email rendered as the chosen partner. A newer
 * question cancels the one in flight; the last answer stays on screen meanwhile.
 */
export function useEmailCheck(campaignId: string, assetId: string | null, partnerId: string | null, email: EmailInput) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'email-check', assetId, partnerId, email],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<EmailCheck> => {
      const body = { ...email, ...(assetId ? { assetId } : {}), ...(partnerId ? { partnerId } : {}) };
      const { data, error, response } = await api.POST('/campaigns/{id}/draft/email-check', {
        params: { path: { id: campaignId } },
        body,
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** What the draft's templates may name and the mandatory footer, as the API checks them (read again with the draft). */
export function useDraftVocabulary(campaignId: string) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'vocabulary'],
    queryFn: async ({ signal }): Promise<DraftVocabulary> => {
      const { data, error, response } = await api.GET('/campaigns/{id}/draft/vocabulary', {
        params: { path: { id: campaignId } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

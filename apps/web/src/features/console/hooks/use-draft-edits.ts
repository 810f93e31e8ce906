import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';
import { campaignsKey } from './use-campaigns';
import { campaignKey, type Slot } from './use-campaign';

export type MetadataChanges = components['schemas']['UpdateCampaignDto'];
export type CatalogueChanges = components['schemas']['CatalogueSettingsDto'];
export type EmailInput = components['schemas']['EmailAssetDto'];

/** The draft revision an edit is based on: the API refuses it (412) when someone saved since. */
const ifMatch = (revision: number) => ({ 'If-Match': `"${revision}"` });

/** Whether the API refused an edit because the draft changed meanwhile (stale revision, or a save at the same time). */
export const isStale = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 412 || error.status === 409);

/**
 * One kind of edit of a campaign's draft, sent with the revision the editor shows. Afterwards
 * (or after a refusal for a stale revision) the campaign is read again, so the editor shows
 * what is stored and the next edit carries the new revision.
 */
function useDraftEdit<T>(id: string, send: (input: T) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: (_data, error) => {
      if (error && !isStale(error)) return undefined;
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKey(id) }),
        queryClient.invalidateQueries({ queryKey: [...campaignsKey, 'list'] }),
      ]);
    },
  });
}

/** The details tab: name, description, tags, language and eligibility (the draft), then the catalogue settings (at once, unversioned). */
export function useSaveDetails(id: string, revision: number) {
  return useDraftEdit(
    id,
    async ({ metadata, catalogue }: { metadata: MetadataChanges | null; catalogue: CatalogueChanges | null }) => {
      if (metadata) {
        const { error, response } = await api.PATCH('/campaigns/{id}', {
          params: { path: { id }, header: ifMatch(revision) },
          body: metadata,
        });
        if (!response.ok) throw new ApiError(response, error);
      }
      if (catalogue) {
        const { error, response } = await api.PATCH('/campaigns/{id}/catalogue', {
          params: { path: { id } },
          body: catalogue,
        });
        if (!response.ok) throw new ApiError(response, error);
      }
    },
  );
}

export function useSaveSlots(id: string, revision: number) {
  return useDraftEdit(id, async (slots: Slot[]) => {
    const { error, response } = await api.PUT('/campaigns/{id}/slots', {
      params: { path: { id }, header: ifMatch(revision) },
      body: { slots },
    });
    if (!response.ok) throw new ApiError(response, error);
  });
}

/** Adds an email (no asset id) or replaces one. */
export function useSaveEmail(id: string, revision: number) {
  return useDraftEdit(id, async ({ assetId, email }: { assetId: string | null; email: EmailInput }) => {
    const params = { path: { id }, header: ifMatch(revision) };
    const { error, response } = assetId
      ? await api.PUT('/campaigns/{id}/assets/email/{assetId}', {
          params: { ...params, path: { id, assetId } },
          body: email,
        })
      : await api.POST('/campaigns/{id}/assets/email', { params, body: email });
    if (!response.ok) throw new ApiError(response, error);
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';
import { under } from '../../../api/query';
import type { Slot } from './use-edited-campaign';

export type MetadataChanges = components['schemas']['UpdateCampaignDto'];
export type CatalogueChanges = components['schemas']['CatalogueSettingsDto'];
export type EmailInput = components['schemas']['EmailAssetDto'];
type PageDto = components['schemas']['PageAssetDto'];
type PageFormDto = NonNullable<PageDto['form']>;
/** A form field as the editor keeps it: its longest value is the API's default unless the page set one. */
export type PageField = Omit<PageFormDto['fields'][number], 'maxLength'> & { maxLength?: number };
/** A landing page as the editor sends it: its language variants are not sent, so they stay as they are. */
export type PageInput = Omit<PageDto, 'variants' | 'form'> & {
  form: (Omit<PageFormDto, 'fields'> & { fields: PageField[] }) | null;
};

/** The draft revision an edit is based on: the API refuses it (412) when someone saved since. */
export const ifMatch = (revision: number) => ({ 'If-Match': `"${revision}"` });

/** Whether the API refused an edit because the draft changed meanwhile (stale revision, or a save at the same time). */
export const isStale = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 412 || error.status === 409);

/**
 * One kind of edit of a campaign's draft, sent with the revision the editor shows. Afterwards
 * (or after a refusal for a stale revision) every read of the campaigns is asked again (the
 * editor's campaign, its checks and versions, the library), so the editor shows what is stored
 * and the next edit carries the new revision.
 */
export function useDraftEdit<T, R = void>(send: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: (_data, error) => {
      if (error && !isStale(error)) return undefined;
      return queryClient.invalidateQueries(under('/campaigns'));
    },
  });
}

/** The details tab: name, description, tags, language and eligibility (the draft), then the catalogue settings (at once, unversioned). */
export function useSaveDetails(id: string, revision: number) {
  return useDraftEdit(
    async ({ metadata, catalogue }: { metadata: MetadataChanges | null; catalogue: CatalogueChanges | null }) => {
      if (metadata)
        await api.PATCH('/campaigns/{id}', { params: { path: { id }, header: ifMatch(revision) }, body: metadata });
      if (catalogue) await api.PATCH('/campaigns/{id}/catalogue', { params: { path: { id } }, body: catalogue });
    },
  );
}

export function useSaveSlots(id: string, revision: number) {
  return useDraftEdit(async (slots: Slot[]) => {
    await api.PUT('/campaigns/{id}/slots', { params: { path: { id }, header: ifMatch(revision) }, body: { slots } });
  });
}

/** Adds the landing page (no asset id) or replaces it, its language variants kept. */
export function useSavePage(id: string, revision: number) {
  return useDraftEdit(async ({ assetId, page }: { assetId: string | null; page: PageInput }) => {
    const params = { path: { id }, header: ifMatch(revision) };
    await (assetId
      ? api.PUT('/campaigns/{id}/assets/page/{assetId}', {
          params: { ...params, path: { id, assetId } },
          body: page as PageDto,
        })
      : api.POST('/campaigns/{id}/assets/page', { params, body: page as PageDto }));
  });
}

/** Adds an email (no asset id) or replaces one. */
export function useSaveEmail(id: string, revision: number) {
  return useDraftEdit(async ({ assetId, email }: { assetId: string | null; email: EmailInput }) => {
    const params = { path: { id }, header: ifMatch(revision) };
    await (assetId
      ? api.PUT('/campaigns/{id}/assets/email/{assetId}', { params: { ...params, path: { id, assetId } }, body: email })
      : api.POST('/campaigns/{id}/assets/email', { params, body: email }));
  });
}

import { keepPreviousData, useMutation } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, unwrap } from '../../../api/query';
import { ifMatch, useDraftEdit } from '../hooks/use-draft-edits';

export type PdfAsset = components['schemas']['PdfAssetViewDto'];
export type SocialAsset = components['schemas']['SocialAssetViewDto'];
export type PdfRect = components['schemas']['PdfSlotRectDto'];
export type SocialRect = components['schemas']['SlotRectDto'];
export type SocialCopy = components['schemas']['SocialCopyDto'];
export type SocialNetwork = keyof SocialCopy;
export type SocialCheck = components['schemas']['DraftSocialCheckResultDto'];
export type StoredFile = components['schemas']['StoredFileDto'];

/** What the editors need of an uploaded file: its id, and its pages (a PDF's, in points) or its size (an image's, in pixels). */
export type UploadedFile =
  | { id: string; kind: 'pdf'; pages: Array<{ width: number; height: number }> }
  | { id: string; kind: 'image'; width: number; height: number };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isSize = (v: unknown): v is { width: number; height: number } =>
  isRecord(v) && typeof v.width === 'number' && typeof v.height === 'number';

/** The file's metadata as the API documents it (PDF: page sizes in points; image: pixels). */
export function uploadedFile(file: StoredFile): UploadedFile {
  // Typed loosely in the OpenAPI document: read what it documents.
  const m: unknown = file.metadata;
  if (isRecord(m) && m.kind === 'pdf' && Array.isArray(m.pages) && m.pages.every(isSize))
    return {
      id: file.id,
      kind: 'pdf',
      pages: m.pages.map((p: { width: number; height: number }) => ({ width: p.width, height: p.height })),
    };
  if (isRecord(m) && m.kind === 'image' && isSize(m))
    return { id: file.id, kind: 'image', width: m.width, height: m.height };
  throw new Error('The engine described the file in a way this page does not know');
}

/** A page of an uploaded file as the API renders it (PDF pages at `dpi`; images fitted in 2,000 px). */
export const filePageUrl = (fileId: string, page: number, dpi = 100) => `/files/${fileId}/pages/${page}?dpi=${dpi}`;

/** Uploads a vendor's PDF or background image; the API judges it by its bytes and says why it refuses one. */
export function useUploadFile() {
  return useMutation({
    mutationFn: async (file: File): Promise<UploadedFile> =>
      uploadedFile(
        await unwrap(
          api.POST('/files', {
            // The schema types the binary field as a string; the request carries the file itself.
            body: { file: file.name },
            bodySerializer: () => {
              const form = new FormData();
              form.append('file', file);
              return form;
            },
          }),
        ),
      ),
  });
}

/** The uploaded file a saved PDF or social asset shows (its id saves the asset again and draws its pages). */
export function useAssetFile(campaignId: string, assetId: string | null) {
  return $api.useQuery(
    'get',
    '/campaigns/{id}/draft/assets/{assetId}/file',
    { params: { path: { id: campaignId, assetId: assetId ?? '' } } },
    { enabled: assetId !== null, staleTime: Infinity, select: uploadedFile },
  );
}

export type DrawnKind = 'pdf' | 'social';
export type DrawnAsset = PdfAsset | SocialAsset;

/** What saves a PDF or a social post: the asset, and its language versions. */
export type PdfInput = components['schemas']['PdfAssetDto'];
export type SocialInput = components['schemas']['SocialAssetDto'];

/** A PDF or a social post to add (no asset id) or replace. */
export type DrawnAssetSave =
  | { kind: 'pdf'; assetId: string | null; body: PdfInput }
  | { kind: 'social'; assetId: string | null; body: SocialInput };

/** Adds a PDF or a social post (no asset id) or replaces one; answers the asset's id. */
export function useSaveDrawnAsset(campaignId: string, revision: number) {
  return useDraftEdit(async (save: DrawnAssetSave): Promise<string> => {
    const params = { path: { id: campaignId }, header: ifMatch(revision) };
    const { assetId } = save;
    if (assetId) {
      const replace = { params: { ...params, path: { id: campaignId, assetId } } };
      await (save.kind === 'pdf'
        ? api.PUT('/campaigns/{id}/assets/pdf/{assetId}', { ...replace, body: save.body })
        : api.PUT('/campaigns/{id}/assets/social/{assetId}', { ...replace, body: save.body }));
      return assetId;
    }
    const created =
      save.kind === 'pdf'
        ? await unwrap(api.POST('/campaigns/{id}/assets/pdf', { params, body: save.body }))
        : await unwrap(api.POST('/campaigns/{id}/assets/social', { params, body: save.body }));
    return created.id;
  });
}

/**
 * The API's measure of the post copy as the marketer types (the caller debounces): each
 * network's length as the network counts it, the longest with partner values, the limit, and
 * the problems saving it would give. A newer question cancels the one in flight.
 */
export function useSocialCheck(campaignId: string, assetId: string | null, copy: SocialCopy) {
  return $api.useQuery(
    'post',
    '/campaigns/{id}/draft/social-check',
    { params: { path: { id: campaignId } }, body: { copy, ...(assetId ? { assetId } : {}) } },
    { placeholderData: keepPreviousData },
  );
}

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

export type BrandKit = components['schemas']['BrandKitViewDto'];
export type BrandKitRequest = components['schemas']['BrandKitDto'];

const brandKitKey = (partnerId: string) => ['partners', partnerId, 'brand-kit'] as const;

/**
 * A changed kit is a new revision: the catalogue's co-branded thumbnails and each campaign's
 * readiness are asked again; the kit itself is the API's answer to the change.
 */
function changed(queryClient: QueryClient, partnerId: string, kit: BrandKit): Promise<void> {
  queryClient.setQueryData(brandKitKey(partnerId), kit);
  return queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'partners' && q.queryKey[1] === partnerId && q.queryKey[2] !== 'brand-kit',
  });
}

/** The partner's brand kit, with the API's contrast warnings and how its emails go out now. */
export function useBrandKit(partnerId: string) {
  return useQuery({
    queryKey: brandKitKey(partnerId),
    queryFn: async ({ signal }): Promise<BrandKit> => {
      const { data, error, response } = await api.GET('/partners/{id}/brand-kit', {
        params: { path: { id: partnerId } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Replaces every field but the logo; a 422 names each invalid field and saves nothing. */
export function useUpdateBrandKit(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BrandKitRequest): Promise<BrandKit> => {
      const { data, error, response } = await api.PUT('/partners/{id}/brand-kit', {
        params: { path: { id: partnerId } },
        body,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: (kit) => changed(queryClient, partnerId, kit),
  });
}

/** Uploads a logo; the API judges the file by its bytes (type, size) and answers why it refuses one. */
export function useUploadLogo(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<BrandKit> => {
      const { data, error, response } = await api.PUT('/partners/{id}/brand-kit/logo', {
        params: { path: { id: partnerId } },
        // The schema types the binary field as a string; the request carries the file itself.
        body: { file: file.name },
        bodySerializer: () => {
          const form = new FormData();
          form.append('file', file);
          return form;
        },
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: (kit) => changed(queryClient, partnerId, kit),
  });
}

export function useRemoveLogo(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<BrandKit> => {
      const { data, error, response } = await api.DELETE('/partners/{id}/brand-kit/logo', {
        params: { path: { id: partnerId } },
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: (kit) => changed(queryClient, partnerId, kit),
  });
}

/** Mails the From address's confirmation link again; 409 when there is nothing to confirm. */
export function useResendSenderConfirmation(partnerId: string) {
  return useMutation({
    mutationFn: async (): Promise<void> => {
      const { error, response } = await api.POST('/partners/{id}/brand-kit/sender/confirmation', {
        params: { path: { id: partnerId } },
      });
      if (!response.ok) throw new ApiError(response, error);
    },
  });
}

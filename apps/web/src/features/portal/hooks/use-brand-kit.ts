import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { multipartFile } from '../../../api/multipart-file';
import { $api, under, unwrap } from '../../../api/query';

export type BrandKit = components['schemas']['BrandKitViewDto'];
export type BrandKitRequest = components['schemas']['BrandKitDto'];

const brandKitQuery = (partnerId: string) =>
  $api.queryOptions('get', '/partners/{id}/brand-kit', { params: { path: { id: partnerId } } });

/**
 * A changed kit is a new revision: the catalogue's co-branded thumbnails and each campaign's
 * readiness (and the set-up's steps) are asked again; the kit itself is the API's answer to the change.
 */
function changed(queryClient: QueryClient, partnerId: string, kit: BrandKit): Promise<void> {
  queryClient.setQueryData(brandKitQuery(partnerId).queryKey, kit);
  return queryClient.invalidateQueries(
    under('/partners/{partnerId}/catalogue', '/partners/{partnerId}/campaigns', '/partners/{partnerId}/setup'),
  );
}

/** The kit as the PUT takes it, with some fields changed: the PUT replaces every field but the logo. */
export function kitRequest(kit: BrandKit, changes: Partial<BrandKitRequest>): BrandKitRequest {
  const { companyName, contactName, email, phone, website, address, primaryColor, secondaryColor, sender } = kit;
  return {
    companyName,
    contactName,
    email,
    phone,
    website,
    address,
    primaryColor,
    secondaryColor,
    sender: sender ? { fromName: sender.fromName, fromEmail: sender.fromEmail, replyTo: sender.replyTo } : null,
    ...changes,
  };
}

/** The partner's brand kit, with the API's contrast warnings and how its emails go out now. */
export function useBrandKit(partnerId: string) {
  return useQuery(brandKitQuery(partnerId));
}

/** Replaces every field but the logo; a 422 names each invalid field and saves nothing. */
export function useUpdateBrandKit(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BrandKitRequest): Promise<BrandKit> =>
      unwrap(api.PUT('/partners/{id}/brand-kit', { params: { path: { id: partnerId } }, body })),
    onSuccess: (kit) => changed(queryClient, partnerId, kit),
  });
}

/** Uploads a logo; the API judges the file by its bytes (type, size) and answers why it refuses one. */
export function useUploadLogo(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File): Promise<BrandKit> =>
      unwrap(api.PUT('/partners/{id}/brand-kit/logo', { params: { path: { id: partnerId } }, ...multipartFile(file) })),
    onSuccess: (kit) => changed(queryClient, partnerId, kit),
  });
}

export function useRemoveLogo(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<BrandKit> =>
      unwrap(api.DELETE('/partners/{id}/brand-kit/logo', { params: { path: { id: partnerId } } })),
    onSuccess: (kit) => changed(queryClient, partnerId, kit),
  });
}

/** Mails the From address's confirmation link again; 409 when there is nothing to confirm. */
export function useResendSenderConfirmation(partnerId: string) {
  return useMutation({
    mutationFn: async (): Promise<void> => {
      await api.POST('/partners/{id}/brand-kit/sender/confirmation', { params: { path: { id: partnerId } } });
    },
  });
}

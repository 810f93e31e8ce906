import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { multipartFile } from '../../../api/multipart-file';
import { $api, unwrap } from '../../../api/query';

export type VendorBrand = components['schemas']['VendorBrandViewDto'];
export type VendorBrandRequest = components['schemas']['VendorBrandDto'];

const brandQuery = $api.queryOptions('get', '/vendor-brand');

/** The API's answer to a change is the brand itself. */
const changed = (queryClient: QueryClient, brand: VendorBrand) => queryClient.setQueryData(brandQuery.queryKey, brand);

/** The vendor's brand as saved, with what partners are shown for it and the API's contrast warnings. */
export function useVendorBrand() {
  return useQuery(brandQuery);
}

/** Replaces every field but the images; a 422 names each invalid field and saves nothing. */
export function useUpdateVendorBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VendorBrandRequest): Promise<VendorBrand> => unwrap(api.PUT('/vendor-brand', { body })),
    onSuccess: (brand) => changed(queryClient, brand),
  });
}

type Image = 'logo' | 'favicon';

/** Uploads the logo or favicon; the API judges the file by its bytes and answers why it refuses one. */
export function useUploadVendorImage(image: Image) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File): Promise<VendorBrand> => {
      const init = multipartFile(file);
      return unwrap(image === 'logo' ? api.PUT('/vendor-brand/logo', init) : api.PUT('/vendor-brand/favicon', init));
    },
    onSuccess: (brand) => changed(queryClient, brand),
  });
}

export function useRemoveVendorImage(image: Image) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<VendorBrand> =>
      unwrap(image === 'logo' ? api.DELETE('/vendor-brand/logo') : api.DELETE('/vendor-brand/favicon')),
    onSuccess: (brand) => changed(queryClient, brand),
  });
}

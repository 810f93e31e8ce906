import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type PartnerSetup = components['schemas']['PartnerSetupDto'];
export type SetupStepKey = PartnerSetup['steps'][number]['key'];
export type ProspectRequest = components['schemas']['ProspectDto'];

/**
 * Where the partner stands in the guided set-up, as the API judges it: each step done or not, the
 * one to resume at, a colour from the logo and the campaign to launch first (its thumbnail's
 * address is there once the kit has what the campaign needs: a change of kit asks again).
 */
export function useSetup(partnerId: string) {
  return $api.useQuery('get', '/partners/{partnerId}/setup', { params: { path: { partnerId } } });
}

/** One prospect added by hand; a 422 names each refused field. */
export function useAddProspect(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProspectRequest) =>
      unwrap(api.POST('/partners/{partnerId}/prospects', { params: { path: { partnerId } }, body })),
    onSuccess: () =>
      queryClient.invalidateQueries(under('/partners/{partnerId}/prospects', '/partners/{partnerId}/setup')),
  });
}

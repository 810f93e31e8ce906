import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, unwrap } from '../../../api/query';

export type SsoRequirement = components['schemas']['SsoRequirementDto'];

const requirementQuery = $api.queryOptions('get', '/sso-requirement');

/** Whom the vendor requires to sign in through single sign-on. */
export function useSsoRequirement() {
  return useQuery(requirementQuery);
}

/** Requires it, or stops: whether a connection signs those users in is the API's to say, at the field. */
export function useSetSsoRequirement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SsoRequirement): Promise<SsoRequirement> => unwrap(api.PUT('/sso-requirement', { body })),
    onSuccess: (saved) => queryClient.setQueryData(requirementQuery.queryKey, saved),
  });
}

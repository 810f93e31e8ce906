import { useQuery } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { ApiError } from '../../../api/api-error';

export type Me = components['schemas']['MeDto'];

export const meQueryKey = ['me'] as const;

/** Who the browser is signed in as; `null` when it is not (the API answers 401). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }): Promise<Me | null> => {
      const { data, error, response } = await api.GET('/me', { signal });
      if (response.status === 401) return null;
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

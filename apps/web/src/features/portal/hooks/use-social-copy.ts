import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api } from '../../../api/client';

export type SocialNetwork = 'linkedin' | 'x' | 'facebook' | 'instagram';
export type SocialCopy = Partial<Record<SocialNetwork, string>>;

const NETWORKS: SocialNetwork[] = ['linkedin', 'x', 'facebook', 'instagram'];

/** The post copy of a social asset, filled with the partner's values by the API (`format=json`). */
export function useSocialCopy(campaignId: string, version: number, assetId: string) {
  return useQuery({
    queryKey: ['campaigns', campaignId, version, 'assets', assetId, 'copy'],
    queryFn: async ({ signal }): Promise<SocialCopy> => {
      const { data, error, response } = await api.GET('/campaigns/{id}/versions/{version}/assets/{assetId}/preview', {
        params: {
          path: { id: campaignId, version, assetId },
          query: { format: 'json' },
          header: { 'if-none-match': '' },
        },
        parseAs: 'text',
        signal,
      });
      if (!response.ok || typeof data !== 'string') throw new ApiError(response, error);
      const body: unknown = JSON.parse(data);
      const copy: unknown = typeof body === 'object' && body !== null && 'copy' in body ? body.copy : {};
      const result: SocialCopy = {};
      if (typeof copy === 'object' && copy !== null) {
        for (const network of NETWORKS) {
          const value: unknown = Reflect.get(copy, network);
          if (typeof value === 'string') result[network] = value;
        }
      }
      return result;
    },
  });
}

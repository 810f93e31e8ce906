import { $api } from '../../../api/query';

export type SocialNetwork = 'linkedin' | 'x' | 'facebook' | 'instagram';
export type SocialCopy = Partial<Record<SocialNetwork, string>>;

const NETWORKS: SocialNetwork[] = ['linkedin', 'x', 'facebook', 'instagram'];

/** The preview's JSON (`format=json`), documented as text: its `copy` per network. */
function copyOf(text: string): SocialCopy {
  const body: unknown = JSON.parse(text);
  const copy: unknown = typeof body === 'object' && body !== null && 'copy' in body ? body.copy : {};
  const result: SocialCopy = {};
  if (typeof copy === 'object' && copy !== null) {
    for (const network of NETWORKS) {
      const value: unknown = Reflect.get(copy, network);
      if (typeof value === 'string') result[network] = value;
    }
  }
  return result;
}

/** The post copy of a social asset, filled with the partner's values by the API (`format=json`). */
export function useSocialCopy(campaignId: string, version: number, assetId: string) {
  return $api.useQuery(
    'get',
    '/campaigns/{id}/versions/{version}/assets/{assetId}/preview',
    {
      params: {
        path: { id: campaignId, version, assetId },
        query: { format: 'json' },
        header: { 'if-none-match': '' },
      },
      parseAs: 'text',
    },
    { select: copyOf },
  );
}

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

export type PublishedCampaign = components['schemas']['PublishedCampaignDto'];
export type Readiness = components['schemas']['ReadinessDto'];

/** A campaign as a partner sees it: its latest published version. Another partner's is a 404. */
export function useCampaign(campaignId: string) {
  return useQuery({
    queryKey: ['campaigns', campaignId],
    enabled: campaignId !== '',
    queryFn: async ({ signal }): Promise<PublishedCampaign> => {
      const { data, error, response } = await api.GET('/campaigns/{id}', {
        params: { path: { id: campaignId } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      if (!('content' in data))
        throw new ApiError(new Response(null, { status: 404 }), { message: 'Not a published campaign' });
      return data;
    },
  });
}

/** Everything missing before this partner may launch the campaign, as the API judges it. */
export function useReadiness(partnerId: string | undefined, campaignId: string) {
  return useQuery({
    queryKey: ['partners', partnerId, 'campaigns', campaignId, 'readiness'],
    enabled: !!partnerId,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/campaigns/{campaignId}/readiness', {
        params: { path: { partnerId: partnerId ?? '', campaignId } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';
import { campaignsKey, type CampaignView } from './use-campaigns';

export type CampaignContent = components['schemas']['CampaignContentDto'];
export type Slot = components['schemas']['SlotDto'];
export type EmailAsset = components['schemas']['EmailAssetViewDto'];

export const campaignKey = (id: string) => [...campaignsKey, 'detail', id] as const;

/** A campaign being edited: the campaign, and the content an edit starts from. */
export interface EditedCampaign {
  campaign: CampaignView;
  /** The working draft, or (every change published) the latest version's content, which the next edit copies. */
  content: CampaignContent;
}

/** A vendor's campaign and what its editor shows; another vendor's is a 404. */
export function useEditedCampaign(id: string) {
  return useQuery({
    queryKey: campaignKey(id),
    queryFn: async ({ signal }): Promise<EditedCampaign> => {
      const { data, error, response } = await api.GET('/campaigns/{id}', { params: { path: { id } }, signal });
      if (data === undefined) throw new ApiError(response, error);
      if (!('status' in data))
        throw new ApiError(new Response(null, { status: 404 }), { message: 'Not a campaign of yours' });
      if (data.draft) return { campaign: data, content: data.draft };
      if (data.latestVersion === null)
        throw new ApiError(new Response(null, { status: 409 }), {
          message: 'The campaign has neither a draft nor a published version',
        });
      const latest = await api.GET('/campaigns/{id}/versions/{version}', {
        params: { path: { id, version: data.latestVersion } },
        signal,
      });
      if (latest.data === undefined) throw new ApiError(latest.response, latest.error);
      return { campaign: data, content: latest.data.content };
    },
  });
}

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';
import { keyOf, unwrap } from '../../../api/query';
import { useTranslation } from '../../../shared/i18n';

export type CampaignView = components['schemas']['CampaignViewDto'];
export type CampaignContent = components['schemas']['CampaignContentDto'];
export type Slot = components['schemas']['SlotDto'];
export type EmailAsset = components['schemas']['EmailAssetViewDto'];

/** A campaign being edited: the campaign, and the content an edit starts from. */
export interface EditedCampaign {
  campaign: CampaignView;
  /** The working draft, or (every change published) the latest version's content, which the next edit copies. */
  content: CampaignContent;
}

/**
 * A vendor's campaign and what its editor shows; another vendor's is a 404. Read under the
 * campaign's own key, so every edit that refreshes the campaign refreshes this.
 */
export function useEditedCampaign(id: string) {
  const { t } = useTranslation('campaign-editor');
  const init = { params: { path: { id } } };
  return useQuery({
    queryKey: [...keyOf('get', '/campaigns/{id}', init), 'edited'],
    queryFn: async ({ signal }): Promise<EditedCampaign> => {
      const campaign = await unwrap(api.GET('/campaigns/{id}', { ...init, signal }));
      if (!('status' in campaign))
        throw new ApiError(new Response(null, { status: 404 }), { message: t('load.notYours') });
      if (campaign.draft) return { campaign, content: campaign.draft };
      if (campaign.latestVersion === null)
        throw new ApiError(new Response(null, { status: 409 }), { message: t('load.noContent') });
      const latest = await unwrap(
        api.GET('/campaigns/{id}/versions/{version}', {
          params: { path: { id, version: campaign.latestVersion } },
          signal,
        }),
      );
      return { campaign, content: latest.content };
    },
  });
}

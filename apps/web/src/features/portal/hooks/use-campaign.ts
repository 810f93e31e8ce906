import { ApiError } from '../../../api/api-error';
import type { components } from '../../../api/client';
import { $api } from '../../../api/query';

export type PublishedCampaign = components['schemas']['PublishedCampaignDto'];
export type Readiness = components['schemas']['ReadinessDto'];

type CampaignAnswer = components['schemas']['CampaignViewDto'] | PublishedCampaign;

/** A partner is answered the latest published version; anything else is not a campaign it may see. */
function published(campaign: CampaignAnswer): PublishedCampaign {
  if (!('content' in campaign))
    // A 404 shows the not-found page (QueryError), never this message: it names the case for a reader of the code.
    // eslint-disable-next-line tcma/no-untranslated-text
    throw new ApiError(new Response(null, { status: 404 }), { message: 'Not a published campaign' });
  return campaign;
}

/** A campaign as a partner sees it: its latest published version. Another partner's is a 404. */
export function useCampaign(campaignId: string) {
  return $api.useQuery(
    'get',
    '/campaigns/{id}',
    { params: { path: { id: campaignId } } },
    { enabled: campaignId !== '', select: published },
  );
}

/** Everything missing before this partner may launch the campaign, as the API judges it. */
export function useReadiness(partnerId: string | undefined, campaignId: string) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/campaigns/{campaignId}/readiness',
    { params: { path: { partnerId: partnerId ?? '', campaignId } } },
    { enabled: !!partnerId },
  );
}

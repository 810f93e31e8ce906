import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components, type operations } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type CampaignView = components['schemas']['CampaignViewDto'];
/** A campaign as the library lists it: the view with its launches and headline results. */
export type LibraryCampaign = components['schemas']['CampaignLibraryItemDto'];
export type CampaignStatus = CampaignView['status'];
export type CampaignsQuery = NonNullable<operations['listCampaigns']['parameters']['query']>;
export type NewCampaign = components['schemas']['CreateCampaignDto'];

type CampaignsPage = components['schemas']['CampaignPageDto'];

/** A vendor user is answered campaigns with drafts; a published version here would be a partner's view. */
const vendorsCampaigns = (page: CampaignsPage) => ({
  ...page,
  items: page.items.filter((c): c is LibraryCampaign => 'status' in c),
});

/** A vendor user's page of campaigns (each with its draft), filtered by the API. */
export function useCampaigns(query: CampaignsQuery) {
  return $api.useQuery(
    'get',
    '/campaigns',
    { params: { query } },
    { placeholderData: keepPreviousData, select: vendorsCampaigns },
  );
}

/** Every change to a campaign refreshes every campaign read (the library's pages, an editor open on it). */
function useCampaignChange<T, R>(send: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries(under('/campaigns')) });
}

export function useCreateCampaign() {
  return useCampaignChange((body: NewCampaign) => unwrap(api.POST('/campaigns', { body })));
}

/** Archive, restore or delete. */
export function useCampaignLifecycle() {
  return useCampaignChange(async ({ id, action }: { id: string; action: 'archive' | 'restore' | 'delete' }) => {
    const options = { params: { path: { id } } };
    await (action === 'delete'
      ? api.DELETE('/campaigns/{id}', options)
      : action === 'archive'
        ? api.POST('/campaigns/{id}/archive', options)
        : api.POST('/campaigns/{id}/restore', options));
  });
}

/** Copies a campaign into a new draft named "<name> (copy)"; answers the copy. */
export function useDuplicateCampaign() {
  return useCampaignChange((id: string) => unwrap(api.POST('/campaigns/{id}/duplicate', { params: { path: { id } } })));
}

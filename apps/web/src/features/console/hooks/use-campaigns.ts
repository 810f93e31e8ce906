import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components, type operations } from '../../../api/client';

export type CampaignView = components['schemas']['CampaignViewDto'];
/** A campaign as the library lists it: the view with its launches and headline results. */
export type LibraryCampaign = components['schemas']['CampaignLibraryItemDto'];
export type CampaignStatus = CampaignView['status'];
export type CampaignsQuery = NonNullable<operations['listCampaigns']['parameters']['query']>;
export type NewCampaign = components['schemas']['CreateCampaignDto'];

/** Every vendor campaign query starts here, so a change can refresh them all. */
export const campaignsKey = ['console', 'campaigns'] as const;

/** A vendor user's page of campaigns (each with its draft), filtered by the API. */
export function useCampaigns(query: CampaignsQuery) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/campaigns', { params: { query }, signal });
      if (data === undefined) throw new ApiError(response, error);
      // A vendor user is answered campaigns with drafts; a published version here would be a partner's view.
      return { ...data, items: data.items.filter((c): c is LibraryCampaign => 'status' in c) };
    },
  });
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewCampaign): Promise<CampaignView> => {
      const { data, error, response } = await api.POST('/campaigns', { body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignsKey }),
  });
}

/** Archive, restore or delete: each answers with the campaign as it now is (delete with nothing). */
export function useCampaignLifecycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action }: { id: string; action: 'archive' | 'restore' | 'delete' }): Promise<void> => {
      const options = { params: { path: { id } } };
      const { error, response } =
        action === 'delete'
          ? await api.DELETE('/campaigns/{id}', options)
          : action === 'archive'
            ? await api.POST('/campaigns/{id}/archive', options)
            : await api.POST('/campaigns/{id}/restore', options);
      if (!response.ok) throw new ApiError(response, error);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignsKey }),
  });
}

/** Copies a campaign into a new draft named "<name> (copy)"; answers the copy. */
export function useDuplicateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<CampaignView> => {
      const { data, error, response } = await api.POST('/campaigns/{id}/duplicate', { params: { path: { id } } });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignsKey }),
  });
}

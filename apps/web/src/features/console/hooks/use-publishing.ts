import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';
import { campaignsKey } from './use-campaigns';
import { campaignKey } from './use-campaign';

export type ValidationReport = components['schemas']['ValidationReportDto'];
export type CampaignVersion = components['schemas']['CampaignVersionDto'];
/** A version in the list: who published it (email) and how many launches pin it. */
export type CampaignVersionListItem = components['schemas']['CampaignVersionListItemDto'];

/** Whether the draft could be published, as the API judges it: asked for, never computed here. */
export function useValidateCampaign(id: string) {
  return useMutation({
    mutationFn: async (): Promise<ValidationReport> => {
      const { data, error, response } = await api.POST('/campaigns/{id}/validate', { params: { path: { id } } });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

export function usePublishCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<CampaignVersion> => {
      const { data, error, response } = await api.POST('/campaigns/{id}/publish', { params: { path: { id } } });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKey(id) }),
        queryClient.invalidateQueries({ queryKey: [...campaignsKey, 'list'] }),
      ]),
  });
}

/** A page of the campaign's published versions, newest first. */
export function useCampaignVersions(id: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...campaignKey(id), 'versions', page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/campaigns/{id}/versions', {
        params: { path: { id }, query: page },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

export type DraftChanges = components['schemas']['DraftChangesDto'];

/** What publishing the draft would change since the latest version, as the API compares them (read again after every edit: it is under the campaign's key). */
export function useDraftChanges(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...campaignKey(id), 'changes'],
    enabled,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/campaigns/{id}/draft/changes', {
        params: { path: { id } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type ValidationReport = components['schemas']['ValidationReportDto'];
export type CampaignVersion = components['schemas']['CampaignVersionDto'];
/** A version in the list: who published it (email) and how many launches pin it. */
export type CampaignVersionListItem = components['schemas']['CampaignVersionListItemDto'];
export type DraftChanges = components['schemas']['DraftChangesDto'];

/** Whether the draft could be published, as the API judges it: asked for, never computed here. */
export function useValidateCampaign(id: string) {
  return useMutation({
    mutationFn: (): Promise<ValidationReport> =>
      unwrap(api.POST('/campaigns/{id}/validate', { params: { path: { id } } })),
  });
}

export function usePublishCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    /** `languages`: the publisher's choice for each language not ready in every email (none: no body). */
    mutationFn: (languages: Record<string, 'fallback' | 'hold'>): Promise<CampaignVersion> =>
      unwrap(
        api.POST('/campaigns/{id}/publish', {
          params: { path: { id } },
          ...(Object.keys(languages).length ? { body: { languages } } : {}),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries(under('/campaigns')),
  });
}

/** A page of the campaign's published versions, newest first. */
export function useCampaignVersions(id: string, page: { limit: number; offset: number }) {
  return $api.useQuery(
    'get',
    '/campaigns/{id}/versions',
    { params: { path: { id }, query: page } },
    { placeholderData: keepPreviousData },
  );
}

/** What publishing the draft would change since the latest version, as the API compares them (read again after every edit). */
export function useDraftChanges(id: string, enabled: boolean) {
  return $api.useQuery('get', '/campaigns/{id}/draft/changes', { params: { path: { id } } }, { enabled });
}

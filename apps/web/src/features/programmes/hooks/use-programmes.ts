import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type Programme = components['schemas']['ProgrammeDto'];
export type NewProgramme = components['schemas']['CreateProgrammeDto'];
export type ProgrammeChanges = components['schemas']['UpdateProgrammeDto'];

/** What a programme change makes stale: the programmes, their subscriber and pending counts. */
const PROGRAMME_READS = ['/programmes', '/programme-subscriptions', '/pending-launches'] as const;

/** A page of the vendor's programmes, by name (partners see their vendor's, to subscribe). */
export function useProgrammes(page: { limit: number; offset: number }) {
  return $api.useQuery('get', '/programmes', { params: { query: page } }, { placeholderData: keepPreviousData });
}

/** How many partners are subscribed to a programme now (one row asked, the total read). */
export function useSubscriberCount(programmeId: string) {
  return $api.useQuery(
    'get',
    '/programme-subscriptions',
    { params: { query: { programmeId, status: 'active', limit: 1 } } },
    { select: (page) => page.total },
  );
}

/** How many of a programme's pending launches, of every partner, are in this state (one row asked, the total read). */
export function usePendingCount(programmeId: string, state: 'pending' | 'waiting_readiness') {
  return $api.useQuery(
    'get',
    '/pending-launches',
    { params: { query: { programmeId, state, limit: 1 } } },
    { select: (page) => page.total },
  );
}

/** The campaigns a programme may hold, for choosing them (the API's largest page of the vendor's). */
export function useCampaignChoices(limit: number) {
  return $api.useQuery('get', '/campaigns', { params: { query: { limit, offset: 0 } } });
}

/** Creates a programme, or changes one (`id`): answers it as the API now holds it. */
export function useSaveProgramme(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProgramme & ProgrammeChanges): Promise<Programme> =>
      unwrap(
        id ? api.PATCH('/programmes/{id}', { params: { path: { id } }, body }) : api.POST('/programmes', { body }),
      ),
    onSuccess: () => queryClient.invalidateQueries(under(...PROGRAMME_READS)),
  });
}

/** Deletes a programme with its subscriptions and pending launches (launches already started stay). */
export function useDeleteProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await api.DELETE('/programmes/{id}', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries(under(...PROGRAMME_READS)),
  });
}

export type ProgrammeBlock = components['schemas']['ProgrammeBlockDto'];

/** The editable blocks the partner's subscription fills for the programme's campaigns, as the API lists them. */
export function useProgrammeBlocks(programmeId: string, partnerId: string) {
  return $api.useQuery(
    'get',
    '/programmes/{id}/editable-blocks',
    { params: { path: { id: programmeId }, query: { partnerId } } },
    { select: (answer) => answer.items },
  );
}

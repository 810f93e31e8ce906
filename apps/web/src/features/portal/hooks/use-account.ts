import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type Colleague = components['schemas']['UserDto'];
export type Invitation = components['schemas']['InvitationDto'];
export type ConciergeAccess = components['schemas']['ConciergeAccessDto'];
export type InviteColleague = { email: string; role: 'partner_admin' | 'partner_user' };

type PageWindow = { limit: number; offset: number };

/** The partner's users (partner admins). */
export function useColleagues(partnerId: string, page: PageWindow) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/users',
    { params: { path: { partnerId }, query: page } },
    { placeholderData: keepPreviousData },
  );
}

/** The partner's invitations still waiting for an answer, newest first. */
export function usePendingInvitations(partnerId: string, page: PageWindow) {
  return $api.useQuery(
    'get',
    '/user-invitations',
    { params: { query: { ...page, partnerId, pending: true } } },
    { placeholderData: keepPreviousData },
  );
}

/** Invites a colleague: the API emails the link (its own refusals come back per field). */
export function useInviteColleague() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteColleague): Promise<Invitation> => unwrap(api.POST('/user-invitations', { body })),
    onSuccess: () => queryClient.invalidateQueries(under('/user-invitations')),
  });
}

export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await api.DELETE('/user-invitations/{id}', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries(under('/user-invitations')),
  });
}

/** The concierge audit log: each request a vendor user made acting for this partner, newest first. */
export function useConciergeLog(partnerId: string, page: PageWindow) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/concierge-accesses',
    { params: { path: { partnerId }, query: page } },
    { placeholderData: keepPreviousData },
  );
}

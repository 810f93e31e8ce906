import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

export type Colleague = components['schemas']['UserDto'];
export type Invitation = components['schemas']['InvitationDto'];
export type ConciergeAccess = components['schemas']['ConciergeAccessDto'];
export type InviteColleague = { email: string; role: 'partner_admin' | 'partner_user' };

type PageWindow = { limit: number; offset: number };

const colleaguesKey = (partnerId: string) => ['partners', partnerId, 'users'] as const;
const invitationsKey = (partnerId: string) => ['partners', partnerId, 'invitations'] as const;

/** The partner's users (partner admins). */
export function useColleagues(partnerId: string, page: PageWindow) {
  return useQuery({
    queryKey: [...colleaguesKey(partnerId), page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/users', {
        params: { path: { partnerId }, query: page },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** The partner's invitations still waiting for an answer, newest first. */
export function usePendingInvitations(partnerId: string, page: PageWindow) {
  return useQuery({
    queryKey: [...invitationsKey(partnerId), page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/user-invitations', {
        params: { query: { ...page, partnerId, pending: true } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Invites a colleague: the API emails the link (its own refusals come back per field). */
export function useInviteColleague(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: InviteColleague): Promise<Invitation> => {
      const { data, error, response } = await api.POST('/user-invitations', { body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(partnerId) }),
  });
}

export function useWithdrawInvitation(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { error, response } = await api.DELETE('/user-invitations/{id}', { params: { path: { id } } });
      if (!response.ok) throw new ApiError(response, error);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(partnerId) }),
  });
}

/** The concierge audit log: each request a vendor user made acting for this partner, newest first. */
export function useConciergeLog(partnerId: string, page: PageWindow) {
  return useQuery({
    queryKey: ['partners', partnerId, 'concierge-accesses', page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/concierge-accesses', {
        params: { path: { partnerId }, query: page },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

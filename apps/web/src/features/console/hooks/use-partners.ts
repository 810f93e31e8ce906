import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components, type operations } from '../../../api/client';

export type Partner = components['schemas']['PartnerDto'];
export type PartnersQuery = NonNullable<operations['listPartners']['parameters']['query']>;
export type PartnerChanges = components['schemas']['UpdatePartnerDto'];
export type Invitation = components['schemas']['InvitationDto'];

export const partnersKey = ['console', 'partners'] as const;

export function usePartners(query: PartnersQuery) {
  return useQuery({
    queryKey: [...partnersKey, 'list', query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners', { params: { query }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** One partner's row of the activity table (GET /analytics/partners): launches, the last one, and results. */
export interface PartnerActivity {
  launches: number;
  lastLaunchAt: string | null;
  sent: number;
  clicked: number;
}

const isTable = (v: unknown): v is { rows: Array<Record<string, unknown>> } =>
  typeof v === 'object' && v !== null && 'rows' in v && Array.isArray(v.rows);
const asNumber = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);

/** Every partner's activity by id, as the API's analytics computes it. */
export function usePartnerActivity() {
  return useQuery({
    queryKey: [...partnersKey, 'activity'],
    queryFn: async ({ signal }): Promise<Map<string, PartnerActivity>> => {
      const { data, error, response } = await api.GET('/analytics/partners', {
        params: { query: { format: 'json' } },
        signal,
        parseAs: 'json',
      });
      if (!response.ok) throw new ApiError(response, error);
      // The table is documented but not typed in the OpenAPI document: read the columns it names.
      const body: unknown = data;
      const rows = isTable(body) ? body.rows : [];
      return new Map(
        rows.map((r) => [
          String(r.partnerId),
          {
            launches: asNumber(r.launches),
            lastLaunchAt: typeof r.lastLaunchAt === 'string' ? r.lastLaunchAt : null,
            sent: asNumber(r.sent),
            clicked: asNumber(r.clicked),
          },
        ]),
      );
    },
  });
}

export interface NewPartner {
  companyName: string;
  tier: string;
  region: string;
  email: string;
}

/**
 * A partner and the invitation of its first user (a partner admin), by email. Two requests: if
 * the invitation is refused the partner exists without a user; the error says so and carries
 * the partner, so that sending again (`created`) only invites.
 */
export function useInvitePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      email,
      created,
      ...fields
    }: NewPartner & { created: Partner | null }): Promise<{ partner: Partner; invitation: Invitation }> => {
      let partner = created;
      if (!partner) {
        const answer = await api.POST('/partners', { body: { ...fields, status: 'active' } });
        if (answer.data === undefined) throw new ApiError(answer.response, answer.error);
        partner = answer.data;
      }
      const invited = await api.POST('/user-invitations', {
        body: { email, role: 'partner_admin', partnerId: partner.id },
      });
      if (invited.data === undefined)
        throw new PartialInviteError(partner, new ApiError(invited.response, invited.error));
      return { partner, invitation: invited.data };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnersKey }),
  });
}

/** The partner was created but its invitation was refused (the email's problem is the cause's). */
export class PartialInviteError extends ApiError {
  constructor(
    readonly partner: Partner,
    override readonly cause: ApiError,
  ) {
    super(new Response(null, { status: cause.status }), { message: cause.message, errors: cause.problems });
  }
}

export function useUpdatePartner(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PartnerChanges): Promise<Partner> => {
      const { data, error, response } = await api.PATCH('/partners/{id}', { params: { path: { id } }, body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnersKey }),
  });
}

/** The invitations of one partner, newest first: whether its first user has accepted yet. */
export function usePartnerInvitations(partnerId: string) {
  return useQuery({
    queryKey: [...partnersKey, partnerId, 'invitations'],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/user-invitations', {
        params: { query: { partnerId, limit: 5 } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

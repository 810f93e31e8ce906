import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components, type operations } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type Partner = components['schemas']['PartnerDto'];
export type PartnersQuery = NonNullable<operations['listPartners']['parameters']['query']>;
export type PartnerChanges = components['schemas']['UpdatePartnerDto'];
export type Invitation = components['schemas']['InvitationDto'];

export function usePartners(query: PartnersQuery) {
  return $api.useQuery('get', '/partners', { params: { query } }, { placeholderData: keepPreviousData });
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

/** The table is documented but not typed in the OpenAPI document: read the columns it names. */
function activityById(body: unknown): Map<string, PartnerActivity> {
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
}

/** Every partner's activity by id, as the API's analytics computes it. */
export function usePartnerActivity() {
  return $api.useQuery(
    'get',
    '/analytics/partners',
    { params: { query: { format: 'json' } }, parseAs: 'json' },
    { select: activityById },
  );
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
      const partner = created ?? (await unwrap(api.POST('/partners', { body: { ...fields, status: 'active' } })));
      try {
        const invitation = await unwrap(
          api.POST('/user-invitations', { body: { email, role: 'partner_admin', partnerId: partner.id } }),
        );
        return { partner, invitation };
      } catch (error) {
        throw error instanceof ApiError ? new PartialInviteError(partner, error) : error;
      }
    },
    onSettled: () => queryClient.invalidateQueries(under('/partners', '/analytics/partners', '/user-invitations')),
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
    mutationFn: (body: PartnerChanges): Promise<Partner> =>
      unwrap(api.PATCH('/partners/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries(under('/partners', '/analytics/partners', '/user-invitations')),
  });
}

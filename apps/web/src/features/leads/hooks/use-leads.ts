import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components, type operations } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type Lead = components['schemas']['LeadDto'];
/** A lead as its page shows it: with its form answers labelled by the API. */
export type LeadDetail = components['schemas']['LeadDetailDto'];
export type LeadStatus = Lead['status'];
export type LeadsQuery = NonNullable<operations['listLeads']['parameters']['query']>;
export type LeadStatusChange = components['schemas']['ChangeLeadStatusDto'];
export type ConsentRecord = components['schemas']['ConsentRecordDto'];
export type Partner = components['schemas']['PartnerDto'];

/** A page of a partner's leads, newest first; a vendor user asking for a private partner's gets the API's 404. */
export function useLeads(partnerId: string | null, query: LeadsQuery) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/leads',
    { params: { path: { partnerId: partnerId ?? '' }, query } },
    { enabled: partnerId !== null, placeholderData: keepPreviousData },
  );
}

const leadQuery = (id: string) => $api.queryOptions('get', '/leads/{id}', { params: { path: { id } } });

export function useLead(id: string) {
  return useQuery(leadQuery(id));
}

/** The prospect a lead names, as the audience holds it now. */
export function useLeadProspect(partnerId: string, prospectId: string) {
  return $api.useQuery('get', '/partners/{partnerId}/prospects/{id}', {
    params: { path: { partnerId, id: prospectId } },
  });
}

/** The prospect's consent evidence, oldest first (the API's page of at most 200). */
export function useConsentHistory(partnerId: string, prospectId: string) {
  return $api.useQuery('get', '/partners/{partnerId}/prospects/{id}/consent', {
    params: { path: { partnerId, id: prospectId }, query: { limit: 200 } },
  });
}

/** Moves a lead on; the API decides which moves are allowed and answers field problems (the reason). */
export function useChangeLeadStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadStatusChange): Promise<LeadDetail> =>
      unwrap(api.POST('/leads/{id}/status', { params: { path: { id } }, body })),
    onSuccess: (lead) => {
      queryClient.setQueryData(leadQuery(id).queryKey, lead);
      return queryClient.invalidateQueries(under('/partners/{partnerId}/leads'));
    },
  });
}

const partnerQuery = (partnerId: string) =>
  $api.queryOptions('get', '/partners/{id}', { params: { path: { id: partnerId } } });

export function usePartner(partnerId: string) {
  return useQuery(partnerQuery(partnerId));
}

/** The partner's "contacts private" switch (partner users; the vendor then sees counts only). */
export function useSetContactsPrivate(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactsPrivate: boolean): Promise<Partner> =>
      unwrap(
        api.PUT('/partners/{partnerId}/contacts-privacy', {
          params: { path: { partnerId } },
          body: { contactsPrivate },
        }),
      ),
    onSuccess: (partner) => queryClient.setQueryData(partnerQuery(partnerId).queryKey, partner),
  });
}

const isTable = (v: unknown): v is { rows: Array<Record<string, unknown>> } =>
  typeof v === 'object' && v !== null && 'rows' in v && Array.isArray(v.rows);
/** The funnel's count columns, in the funnel's order. */
export const FUNNEL_COUNTS = ['enrolled', 'sent', 'opened', 'clicked', 'converted', 'unsubscribed'] as const;
export type FunnelCount = (typeof FUNNEL_COUNTS)[number];

/** Counts only, as the API answers them: the funnel's count columns of the partner's one row. */
function funnelCounts(body: unknown): Array<{ column: FunnelCount; value: number }> {
  const row = isTable(body) ? body.rows[0] : undefined;
  return FUNNEL_COUNTS.map((column) => ({ column, value: row ? Number(row[column]) || 0 : 0 }));
}

/** A private partner's funnel counts (what the API still shows the vendor): one row for the partner. */
export function usePartnerFunnel(partnerId: string | null, enabled: boolean) {
  return $api.useQuery(
    'get',
    '/analytics/funnel',
    { params: { query: { groupBy: 'partner', partnerId: partnerId ?? '', format: 'json' } }, parseAs: 'json' },
    { enabled: enabled && partnerId !== null, select: funnelCounts },
  );
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components, type operations } from '../../../api/client';

export type Lead = components['schemas']['LeadDto'];
/** A lead as its page shows it: with its form answers labelled by the API. */
export type LeadDetail = components['schemas']['LeadDetailDto'];
export type LeadStatus = Lead['status'];
export type LeadsQuery = NonNullable<operations['listLeads']['parameters']['query']>;
export type LeadStatusChange = components['schemas']['ChangeLeadStatusDto'];
export type ConsentRecord = components['schemas']['ConsentRecordDto'];
export type Partner = components['schemas']['PartnerDto'];

export const leadsKey = ['leads'] as const;

/** A page of a partner's leads, newest first; a vendor user asking for a private partner's gets the API's 404. */
export function useLeads(partnerId: string | null, query: LeadsQuery) {
  return useQuery({
    queryKey: [...leadsKey, 'list', partnerId, query],
    enabled: partnerId !== null,
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    queryFn: async ({ signal }) => {
      if (!partnerId) throw new Error('No partner chosen');
      const { data, error, response } = await api.GET('/partners/{partnerId}/leads', {
        params: { path: { partnerId }, query },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

export function useLead(id: string) {
  return useQuery({
    queryKey: [...leadsKey, 'one', id],
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/leads/{id}', { params: { path: { id } }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** The prospect a lead names, as the audience holds it now. */
export function useLeadProspect(partnerId: string, prospectId: string) {
  return useQuery({
    queryKey: ['prospects', partnerId, prospectId],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/prospects/{id}', {
        params: { path: { partnerId, id: prospectId } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** The prospect's consent evidence, oldest first (the API's page of at most 200). */
export function useConsentHistory(partnerId: string, prospectId: string) {
  return useQuery({
    queryKey: ['prospects', partnerId, prospectId, 'consent'],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/prospects/{id}/consent', {
        params: { path: { partnerId, id: prospectId }, query: { limit: 200 } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Moves a lead on; the API decides which moves are allowed and answers field problems (the reason). */
export function useChangeLeadStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LeadStatusChange): Promise<LeadDetail> => {
      const { data, error, response } = await api.POST('/leads/{id}/status', { params: { path: { id } }, body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: (lead) => {
      queryClient.setQueryData([...leadsKey, 'one', id], lead);
      return queryClient.invalidateQueries({ queryKey: [...leadsKey, 'list'] });
    },
  });
}

export function usePartner(partnerId: string) {
  return useQuery({
    queryKey: ['partners', partnerId],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{id}', {
        params: { path: { id: partnerId } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** The partner's "contacts private" switch (partner users; the vendor then sees counts only). */
export function useSetContactsPrivate(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (contactsPrivate: boolean): Promise<Partner> => {
      const { data, error, response } = await api.PUT('/partners/{partnerId}/contacts-privacy', {
        params: { path: { partnerId } },
        body: { contactsPrivate },
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: (partner) => queryClient.setQueryData(['partners', partnerId], partner),
  });
}

const isTable = (v: unknown): v is { rows: Array<Record<string, unknown>> } =>
  typeof v === 'object' && v !== null && 'rows' in v && Array.isArray(v.rows);
const FUNNEL_COUNTS = [
  { column: 'enrolled', label: 'Enrolled' },
  { column: 'sent', label: 'Sent' },
  { column: 'opened', label: 'Opened' },
  { column: 'clicked', label: 'Clicked' },
  { column: 'converted', label: 'Converted' },
  { column: 'unsubscribed', label: 'Unsubscribed' },
];

/** A private partner's funnel counts (what the API still shows the vendor): one row for the partner. */
export function usePartnerFunnel(partnerId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['analytics', 'funnel', 'partner', partnerId],
    enabled: enabled && partnerId !== null,
    queryFn: async ({ signal }) => {
      if (!partnerId) throw new Error('No partner chosen');
      const { data, error, response } = await api.GET('/analytics/funnel', {
        params: { query: { groupBy: 'partner', partnerId, format: 'json' } },
        signal,
        parseAs: 'json',
      });
      if (!response.ok) throw new ApiError(response, error);
      // Counts only, as the API answers them: the funnel's count columns of the partner's one row.
      const body: unknown = data;
      const row = isTable(body) ? body.rows[0] : undefined;
      return FUNNEL_COUNTS.map((c) => ({ label: c.label, value: row ? Number(row[c.column]) || 0 : 0 }));
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';
import { campaignKey } from '../../console/hooks/use-campaign';
import { campaignsKey } from '../../console/hooks/use-campaigns';
import { isStale } from '../../console/hooks/use-draft-edits';

export type SequenceInput = components['schemas']['SequenceDto'];
export type StepInput = components['schemas']['StepDto'];
export type Wait = components['schemas']['WaitDto'];
export type SendWindow = components['schemas']['WindowDto'];
export type Weekday = SendWindow['days'][number];
export type StepCondition = StepInput['condition'];
export type DraftTimeline = components['schemas']['DraftTimelineDto'];
export type TimelineStep = components['schemas']['TimelineStepDto'];

/** The draft revision an edit is based on: the API refuses it (412) when someone saved since. */
const ifMatch = (revision: number) => ({ 'If-Match': `"${revision}"` });

/**
 * Saves the draft's sequence (PUT …/sequence, null: DELETE it) with the revision the editor shows;
 * afterwards (or after a refusal for a stale revision) the campaign is read again.
 */
export function useSaveSequence(id: string, revision: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (sequence: SequenceInput | null): Promise<void> => {
      const params = { path: { id }, header: ifMatch(revision) };
      const { error, response } = sequence
        ? await api.PUT('/campaigns/{id}/sequence', { params, body: sequence })
        : await api.DELETE('/campaigns/{id}/sequence', { params });
      if (!response.ok) throw new ApiError(response, error);
    },
    onSettled: (_data, error) => {
      if (error && !isStale(error)) return undefined;
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKey(id) }),
        queryClient.invalidateQueries({ queryKey: [...campaignsKey, 'list'] }),
      ]);
    },
  });
}

/**
 * When a sample prospect in a zone, enrolled at a start, would receive each step of a sequence
 * as the form holds it: the API computes it from the scheduling rules (nothing is saved).
 */
export function useSequenceTimeline(id: string) {
  return useMutation({
    mutationFn: async (input: { start: string; timeZone: string; sequence: SequenceInput }): Promise<DraftTimeline> => {
      const { data, error, response } = await api.POST('/campaigns/{id}/draft/timeline', {
        params: { path: { id } },
        body: input,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

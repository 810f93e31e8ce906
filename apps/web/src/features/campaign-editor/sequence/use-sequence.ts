import { useMutation } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { unwrap } from '../../../api/query';
import { ifMatch, useDraftEdit } from '../hooks/use-draft-edits';

export type SequenceInput = components['schemas']['SequenceDto'];
export type StepInput = components['schemas']['StepDto'];
export type Wait = components['schemas']['WaitDto'];
export type SendWindow = components['schemas']['WindowDto'];
export type Weekday = SendWindow['days'][number];
export type StepCondition = StepInput['condition'];
export type DraftTimeline = components['schemas']['DraftTimelineDto'];
export type TimelineStep = components['schemas']['TimelineStepDto'];

/** Saves the draft's sequence (PUT …/sequence, null: DELETE it) with the revision the editor shows. */
export function useSaveSequence(id: string, revision: number) {
  return useDraftEdit(async (sequence: SequenceInput | null) => {
    const params = { path: { id }, header: ifMatch(revision) };
    await (sequence
      ? api.PUT('/campaigns/{id}/sequence', { params, body: sequence })
      : api.DELETE('/campaigns/{id}/sequence', { params }));
  });
}

/**
 * When a sample prospect in a zone, enrolled at a start, would receive each step of a sequence
 * as the form holds it: the API computes it from the scheduling rules (nothing is saved).
 */
export function useSequenceTimeline(id: string) {
  return useMutation({
    mutationFn: (input: { start: string; timeZone: string; sequence: SequenceInput }): Promise<DraftTimeline> =>
      unwrap(api.POST('/campaigns/{id}/draft/timeline', { params: { path: { id } }, body: input })),
  });
}

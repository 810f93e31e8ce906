import type { components } from '../../../api/client';
import { $api } from '../../../api/query';

export type SuggestionRequest = components['schemas']['SuggestionRequestDto'];

/**
 * Whether the installation has a model configured: the machine translation form and the editors'
 * suggestion buttons show only then.
 */
export function useAssistantStatus() {
  return $api.useQuery('get', '/assistant');
}

/**
 * The model's options for one field of a saved draft asset (subject lines, preheaders, wordings of
 * a paragraph, a network's copy), checked by the API against the field's limits and placeholders.
 * Nothing is written: the editor puts a chosen option in its field.
 */
export function useDraftSuggestions(campaignId: string) {
  const mutation = $api.useMutation('post', '/campaigns/{id}/draft/suggestions');
  const ask = (body: SuggestionRequest) => mutation.mutate({ params: { path: { id: campaignId } }, body });
  return { ...mutation, ask };
}

import { useReducer } from 'react';
import type { components } from '../../../api/client';
import type { PublishedCampaign } from './use-campaign';
import type { LaunchImport } from './use-launch-import';
import type { LaunchRequest } from './use-launches';

export type AudienceChoice = 'all' | 'list' | 'filter' | 'csv';
export interface AudienceFilter {
  search: string;
  country: string[];
}
type ProspectList = components['schemas']['ListViewDto'];

/** What the partner has entered in the wizard; everything else is read from the API or derived. */
export interface WizardState {
  /** 0: audience and start; 1: the review of the API's dry run. */
  step: 0 | 1;
  /** Null until the partner chooses: the preselection applies meanwhile. */
  chosen: AudienceChoice | null;
  chosenList: string | null;
  filter: AudienceFilter;
  /** The CSV uploaded here, and the name of the list its import creates. */
  file: File | null;
  listName: string | null;
  start: 'now' | 'later';
  /** The datetime-local field's value (the partner's own zone). */
  startAt: string;
  /** Slots the API names as missing or invalid for this partner, filled in for this launch. */
  slotValues: Record<string, string>;
}

export const INITIAL_STATE: WizardState = {
  step: 0,
  chosen: null,
  chosenList: null,
  filter: { search: '', country: [] },
  file: null,
  listName: null,
  start: 'now',
  startAt: '',
  slotValues: {},
};

export type WizardAction =
  | { type: 'choose'; choice: AudienceChoice }
  | { type: 'chooseList'; listId: string | null }
  | { type: 'filter'; filter: AudienceFilter }
  /** A file sent: chosen now for good, so the list its import creates does not turn the preselection into "A list". */
  | { type: 'fileSent'; file: File; listName: string }
  | { type: 'fileForgotten' }
  | { type: 'start'; start: 'now' | 'later' }
  | { type: 'startAt'; value: string }
  | { type: 'slotValue'; name: string; value: string }
  | { type: 'reviewed' }
  | { type: 'back' };

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'choose':
      return { ...state, chosen: action.choice };
    case 'chooseList':
      return { ...state, chosenList: action.listId };
    case 'filter':
      return { ...state, filter: action.filter };
    case 'fileSent':
      return { ...state, chosen: 'csv', file: action.file, listName: action.listName };
    case 'fileForgotten':
      return { ...state, file: null, listName: null };
    case 'start':
      return { ...state, start: action.start };
    case 'startAt':
      return { ...state, startAt: action.value };
    case 'slotValue':
      return { ...state, slotValues: { ...state.slotValues, [action.name]: action.value } };
    case 'reviewed':
      return { ...state, step: 1 };
    case 'back':
      return { ...state, step: 0 };
  }
}

/** What the API says of the partner's audience, which the preselection and the body depend on. */
export interface AudienceFacts {
  /** Whether the lists or the count are still being read. */
  loading: boolean;
  /** The partner's lists, newest first. */
  lists: ProspectList[] | undefined;
  /** How many prospects the partner has. */
  prospects: number | undefined;
  /** The import of the CSV uploaded here, as the API reports it. */
  imported: LaunchImport | undefined;
}

/**
 * The audience as the wizard shows it: the partner's choice, else the newest list that has
 * members, else every prospect, or, for a partner with no prospect at all, a CSV to upload.
 */
export function audienceOf(state: WizardState, facts: AudienceFacts) {
  const newestList = facts.lists?.find((l) => l.size > 0);
  const choice: AudienceChoice = state.chosen ?? (newestList ? 'list' : facts.prospects === 0 ? 'csv' : 'all');
  const listId = state.chosenList ?? newestList?.id ?? null;
  const importedList = facts.imported?.status === 'completed' ? facts.imported.listId : null;
  return { choice, listId, importedList };
}

/** The launch as the API takes it, for its dry run and then for real. */
export function launchBody(state: WizardState, facts: AudienceFacts, campaign: PublishedCampaign): LaunchRequest {
  const { choice, listId, importedList } = audienceOf(state, facts);
  const audience: LaunchRequest['audience'] =
    choice === 'list'
      ? { type: 'list', listId: listId ?? undefined }
      : choice === 'csv'
        ? { type: 'list', listId: importedList ?? undefined }
        : choice === 'filter'
          ? {
              type: 'filter',
              ...(state.filter.search.trim() ? { search: state.filter.search.trim() } : {}),
              ...(state.filter.country.length ? { country: state.filter.country } : {}),
            }
          : { type: 'all' };
  return {
    campaignId: campaign.id,
    version: campaign.version,
    audience,
    ...(state.start === 'later' && state.startAt ? { startAt: new Date(state.startAt).toISOString() } : {}),
    ...(Object.keys(state.slotValues).length ? { slotValues: state.slotValues } : {}),
  };
}

/** What can keep the review back: the lists loading, a CSV not uploaded yet, or its import failed. */
export type WaitingFor = 'lists' | 'upload' | 'importFailed';

/** What still keeps the review back, said beside the button (in the wizard's words); null when nothing. */
export function waitingFor(state: WizardState, facts: AudienceFacts): WaitingFor | null {
  if (facts.loading) return 'lists';
  const { choice, importedList } = audienceOf(state, facts);
  if (choice !== 'csv' || importedList) return null;
  return facts.imported?.status === 'failed' ? 'importFailed' : 'upload';
}

/** The launch wizard's state: what the partner entered, and what follows from it and from the API's answers. */
export function useLaunchWizardState(facts: AudienceFacts, campaign: PublishedCampaign) {
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_STATE);
  return {
    state,
    dispatch,
    ...audienceOf(state, facts),
    body: () => launchBody(state, facts, campaign),
    waitingFor: waitingFor(state, facts),
  };
}

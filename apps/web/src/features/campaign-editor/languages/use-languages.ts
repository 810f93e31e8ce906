import { useMutation } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, unwrap } from '../../../api/query';
import { ifMatch, useDraftEdit } from '../hooks/use-draft-edits';
import { attachmentName, saveFile } from './save-file';

export type DraftLanguage = components['schemas']['DraftLanguageDto'];
export type DraftLanguageEmail = components['schemas']['DraftLanguageEmailDto'];

/** The draft's languages besides its own, each email's state in them as the API judges it (read again after every edit). */
export function useDraftLanguages(id: string) {
  return $api.useQuery('get', '/campaigns/{id}/draft/languages', { params: { path: { id } } });
}

/**
 * A translator's XLIFF file saved as the draft's emails in `language`: the file itself is the
 * body, as the browser reads it from disk; the API checks all of it and refuses it whole (422,
 * each problem with its line) or saves every email's variant. Every read of the campaign is
 * asked again afterwards: its revision, and the languages' states, changed.
 */
export function useImportLanguage(id: string, revision: number) {
  return useDraftEdit(({ language, file }: { language: string; file: File }) =>
    unwrap(
      api.PUT('/campaigns/{id}/draft/languages/{language}', {
        params: {
          path: { id, language },
          header: { 'content-type': 'application/xliff+xml', ...ifMatch(revision) },
        },
        // The document types the file as a string; the File itself is the body.
        body: '',
        bodySerializer: () => file,
      }),
    ),
  );
}

/** Removes a language from every email of the draft. */
export function useRemoveLanguage(id: string, revision: number) {
  return useDraftEdit((language: string) =>
    unwrap(
      api.DELETE('/campaigns/{id}/draft/languages/{language}', {
        params: { path: { id, language }, header: ifMatch(revision) },
      }),
    ),
  );
}

/**
 * A published version's emails as an XLIFF file for translators into `language`, saved by the
 * browser under the name the API gives it. Asked through the client rather than followed as a
 * link, so a refusal (a tag that is not a language) shows on the page, not as a broken download.
 */
export function useXliffDownload(id: string) {
  return useMutation({
    mutationFn: async ({ version, language }: { version: number; language: string }): Promise<string> => {
      const { data, response } = await api.GET('/campaigns/{id}/versions/{version}/xliff', {
        params: { path: { id, version }, query: { trgLang: language } },
        parseAs: 'blob',
      });
      const name = attachmentName(response.headers.get('content-disposition')) ?? `${language}.xlf`;
      saveFile(data ?? new Blob([]), name);
      return name;
    },
  });
}

/**
 * The configured model's translation of the draft's emails into `language`, saved as drafts a
 * person reviews: the API checks every segment as it checks a translator's file and refuses the
 * whole answer (422 at the segment) when a placeholder or tag was dropped or altered.
 */
export function useMachineTranslation(id: string, revision: number) {
  return useDraftEdit((language: string) =>
    unwrap(
      api.POST('/campaigns/{id}/draft/languages/{language}/machine-translation', {
        params: { path: { id, language }, header: ifMatch(revision) },
      }),
    ),
  );
}

/** A person's approval of the model's drafts in `language`, after reading them. */
export function useApproveLanguage(id: string, revision: number) {
  return useDraftEdit((language: string) =>
    unwrap(
      api.POST('/campaigns/{id}/draft/languages/{language}/approval', {
        params: { path: { id, language }, header: ifMatch(revision) },
      }),
    ),
  );
}

import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type ProspectImport = components['schemas']['ImportViewDto'];

/** How often an import still queued or running is asked for again. */
const POLL_MS = 1_000;
const FINISHED = new Set<ProspectImport['status']>(['completed', 'failed']);

/** The partner's imports, newest first. */
export function useImports(partnerId: string, page: { limit: number; offset: number }) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/imports',
    { params: { path: { partnerId }, query: page } },
    {
      placeholderData: keepPreviousData,
      // Less often than one import's own page: the table only needs to catch up.
      refetchInterval: (q) => (q.state.data?.items.some((i) => !FINISHED.has(i.status)) ? POLL_MS * 3 : false),
    },
  );
}

/** One import, asked again every second until the worker has finished it. */
export function useImport(partnerId: string, id: string) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/imports/{id}',
    { params: { path: { partnerId, id } } },
    { refetchInterval: (q) => (q.state.data && !FINISHED.has(q.state.data.status) ? POLL_MS : false) },
  );
}

export const isFinished = (i: ProspectImport) => FINISHED.has(i.status);

/** How many rejected rows an import's page lists; the downloadable report holds them all. */
export const REJECTED_ROWS_SHOWN = 20;

/** The first rejected rows of a completed import, in file order (the API answers 409 before it completes). */
export function useImportRejections(partnerId: string, id: string, completed: boolean) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/imports/{id}/rejections',
    { params: { path: { partnerId, id }, query: { limit: REJECTED_ROWS_SHOWN, offset: 0 } } },
    { enabled: completed },
  );
}

/**
 * Sends the file as the request body, as the browser reads it from disk (never whole in
 * memory here); the API checks its bytes, whatever type the file claims, and refuses with 413
 * or 415 before anything is stored.
 */
export function useStartImport(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, listId }: { file: File; listId: string | null }): Promise<ProspectImport> =>
      unwrap(
        api.POST('/partners/{partnerId}/imports', {
          params: { path: { partnerId }, query: listId ? { listId } : {}, header: { 'content-type': 'text/csv' } },
          // The document types a binary body as a string; the File itself is the body.
          body: '',
          bodySerializer: () => file,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries(under('/partners/{partnerId}/imports')),
  });
}

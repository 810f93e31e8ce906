import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, keyOf, under, unwrap } from '../../../api/query';
import { useFileUpload } from '../../../api/upload';

export type LaunchImport = components['schemas']['ImportViewDto'];
export type RejectedRow = components['schemas']['RejectedRowDto'];

/** How often an import still queued or running is asked for again. */
const POLL_MS = 1_000;
/** The rejected rows the wizard shows; the rest are in the downloadable report. */
export const REJECTED_SHOWN = 5;

export const isImportFinished = (i: LaunchImport) => i.status === 'completed' || i.status === 'failed';

/**
 * The wizard's CSV upload: the file goes as the body of POST …/imports?newList=<name>, with its
 * bytes sent reported as they leave; the import creates the list the launch then targets.
 */
export function useUploadAudience(partnerId: string) {
  const queryClient = useQueryClient();
  const upload = useFileUpload('/partners/{partnerId}/imports');
  return {
    ...upload,
    start: (file: File, newList: string) =>
      upload.mutate(
        { params: { path: { partnerId }, query: { newList } }, file },
        // A new list and a new import: the audience pages' lists and imports are stale.
        {
          onSuccess: () =>
            void queryClient.invalidateQueries(under('/partners/{partnerId}/lists', '/partners/{partnerId}/imports')),
        },
      ),
  };
}

/** The import, asked again every second until the worker has finished it (rows read so far meanwhile). */
export function useLaunchImport(partnerId: string, id: string | undefined) {
  const queryClient = useQueryClient();
  const init = { params: { path: { partnerId, id: id ?? '' } } };
  return useQuery({
    queryKey: keyOf('get', '/partners/{partnerId}/imports/{id}', init),
    enabled: !!id,
    queryFn: async ({ signal }) => {
      const item = await unwrap(api.GET('/partners/{partnerId}/imports/{id}', { ...init, signal }));
      // Finished: the list it filled has its members now, before the wizard shows it (and the set-up its prospects).
      if (isImportFinished(item))
        await queryClient.invalidateQueries(
          under('/partners/{partnerId}/lists', '/partners/{partnerId}/prospects', '/partners/{partnerId}/setup'),
        );
      return item;
    },
    refetchInterval: (q) => (q.state.data && !isImportFinished(q.state.data) ? POLL_MS : false),
  });
}

/** The first rejected rows of a completed import, with their lines and reasons, from the API. */
export function useImportRejections(partnerId: string, item: LaunchImport | undefined) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/imports/{id}/rejections',
    { params: { path: { partnerId, id: item?.id ?? '' }, query: { limit: REJECTED_SHOWN } } },
    { enabled: !!item && item.status === 'completed' && item.rejected > 0 },
  );
}

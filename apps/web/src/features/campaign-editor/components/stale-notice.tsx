import { Alert } from '@mantine/core';
import { isStale } from '../hooks/use-draft-edits';

/** Said when a save was refused because someone saved the campaign meanwhile; the editor has reloaded it. */
export function StaleNotice({ error }: { error: unknown }) {
  if (!isStale(error)) return null;
  return (
    <Alert color="orange" variant="light" role="alert" title="Someone else changed this campaign">
      Your changes were not saved: the campaign was saved by someone else since you opened it (
      {error instanceof Error ? error.message : ''}). It has been reloaded with their changes: make yours again and
      save.
    </Alert>
  );
}

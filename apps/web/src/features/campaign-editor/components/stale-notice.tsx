import { Alert } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import { isStale } from '../hooks/use-draft-edits';

/** Said when a save was refused because someone saved the campaign meanwhile; the editor has reloaded it. */
export function StaleNotice({ error }: { error: unknown }) {
  const { t } = useTranslation('campaign-editor');
  if (!isStale(error)) return null;
  return (
    <Alert color="orange" variant="light" role="alert" title={t('stale.title')}>
      {t('stale.body', { message: error instanceof Error ? error.message : '' })}
    </Alert>
  );
}

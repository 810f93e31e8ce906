import { Badge } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import type { ProspectImport } from '../hooks/use-imports';

const COLOR: Record<ProspectImport['status'], string> = {
  queued: 'gray.8',
  running: 'blue.9',
  completed: 'teal.9',
  failed: 'red.9',
};

export function ImportStatus({ status }: { status: ProspectImport['status'] }) {
  const { t } = useTranslation('audience');
  const label = {
    queued: t('status.queued'),
    running: t('status.running'),
    completed: t('status.completed'),
    failed: t('status.failed'),
  }[status];
  return (
    <Badge color={COLOR[status]} variant="filled">
      {label}
    </Badge>
  );
}

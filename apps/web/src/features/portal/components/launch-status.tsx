import { Badge } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import type { Launch } from '../hooks/use-launches';

const COLORS: Record<Launch['status'], string> = {
  awaiting_approval: 'grape.9',
  returned: 'red.9',
  enrolling: 'blue.9',
  active: 'teal.9',
  paused: 'yellow.9',
  cancelled: 'gray.8',
  completed: 'indigo.9',
};

export function LaunchStatus({ status }: { status: Launch['status'] }) {
  const { t } = useTranslation('portal');
  const label = {
    awaiting_approval: t('status.awaiting_approval'),
    returned: t('status.returned'),
    enrolling: t('status.enrolling'),
    active: t('status.active'),
    paused: t('status.paused'),
    cancelled: t('status.cancelled'),
    completed: t('status.completed'),
  }[status];
  return (
    <Badge color={COLORS[status]} variant="filled">
      {label}
    </Badge>
  );
}

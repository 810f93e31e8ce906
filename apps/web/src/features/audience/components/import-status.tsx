import { Badge } from '@mantine/core';
import type { ProspectImport } from '../hooks/use-imports';

const STATUS: Record<ProspectImport['status'], { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray.8' },
  running: { label: 'Importing', color: 'blue.9' },
  completed: { label: 'Completed', color: 'teal.9' },
  failed: { label: 'Failed', color: 'red.9' },
};

export function ImportStatus({ status }: { status: ProspectImport['status'] }) {
  return (
    <Badge color={STATUS[status].color} variant="filled">
      {STATUS[status].label}
    </Badge>
  );
}

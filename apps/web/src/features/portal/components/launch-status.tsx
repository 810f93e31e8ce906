import { Badge } from '@mantine/core';
import type { Launch } from '../hooks/use-launches';

const STATUS: Record<Launch['status'], { label: string; color: string }> = {
  enrolling: { label: 'Enrolling', color: 'blue.9' },
  active: { label: 'Active', color: 'teal.9' },
  paused: { label: 'Paused', color: 'yellow.9' },
  cancelled: { label: 'Cancelled', color: 'gray.8' },
  completed: { label: 'Completed', color: 'indigo.9' },
};

export function LaunchStatus({ status }: { status: Launch['status'] }) {
  return (
    <Badge color={STATUS[status].color} variant="filled">
      {STATUS[status].label}
    </Badge>
  );
}

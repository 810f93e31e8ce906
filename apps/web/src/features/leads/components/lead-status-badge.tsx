import { Badge } from '@mantine/core';
import type { LeadStatus } from '../hooks/use-leads';

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  accepted: 'Accepted',
  rejected: 'Rejected',
  won: 'Won',
  lost: 'Lost',
};

export const isLeadStatus = (v: string | null): v is LeadStatus => v !== null && Object.hasOwn(LEAD_STATUS_LABELS, v);

const COLORS: Record<LeadStatus, string> = {
  new: 'blue.9',
  accepted: 'teal.9',
  rejected: 'red.9',
  won: 'indigo.9',
  lost: 'gray.8',
};

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return (
    <Badge color={COLORS[status]} variant="filled">
      {LEAD_STATUS_LABELS[status]}
    </Badge>
  );
}

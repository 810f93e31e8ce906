import { Badge } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import type { LeadStatus } from '../hooks/use-leads';

/** Every status a lead can have, in the order a lead moves through them. */
export const LEAD_STATUSES: LeadStatus[] = ['new', 'accepted', 'rejected', 'won', 'lost'];

export const isLeadStatus = (v: string | null): v is LeadStatus => LEAD_STATUSES.some((s) => s === v);

/** A status's name in the reader's language. */
export function useLeadStatusLabel(): (status: LeadStatus) => string {
  const { t } = useTranslation('leads');
  return (status) =>
    ({
      new: t('status.new'),
      accepted: t('status.accepted'),
      rejected: t('status.rejected'),
      won: t('status.won'),
      lost: t('status.lost'),
    })[status];
}

const COLORS: Record<LeadStatus, string> = {
  new: 'blue.9',
  accepted: 'teal.9',
  rejected: 'red.9',
  won: 'indigo.9',
  lost: 'gray.8',
};

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  const label = useLeadStatusLabel();
  return (
    <Badge color={COLORS[status]} variant="filled">
      {label(status)}
    </Badge>
  );
}

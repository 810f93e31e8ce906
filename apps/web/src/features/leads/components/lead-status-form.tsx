import { Alert, Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useChangeLeadStatus, type Lead, type LeadStatus } from '../hooks/use-leads';
import { isLeadStatus, LEAD_STATUSES, useLeadStatusLabel } from './lead-status-badge';

/**
 * Moves a lead on. Which moves are allowed is the API's rule: it answers a refused one with its
 * own message (shown above the form) and a missing reason next to the reason field.
 */
export function LeadStatusForm({ lead }: { lead: Lead }) {
  const { t } = useTranslation('leads');
  const statusLabel = useLeadStatusLabel();
  const change = useChangeLeadStatus(lead.id);
  const [status, setStatus] = useState<LeadStatus | null>(null);
  const [reason, setReason] = useState('');
  const choices = LEAD_STATUSES.filter((value) => value !== lead.status).map((value) => ({
    value,
    label: statusLabel(value),
  }));
  const general = formError(change.error, ['status', 'reason']);

  return (
    <Stack
      component="form"
      aria-label={t('statusForm.label')}
      gap="sm"
      maw={480}
      onSubmit={(e) => {
        e.preventDefault();
        if (!status) return;
        change.mutate(
          { status, ...(status === 'rejected' ? { reason } : {}) },
          { onSuccess: () => (setStatus(null), setReason('')) },
        );
      }}
    >
      {general ? (
        <Alert color="red" variant="light" title={t('statusForm.notChanged')}>
          {general}
        </Alert>
      ) : null}
      <Select
        label={t('statusForm.newStatus')}
        placeholder={t('statusForm.choose')}
        data={choices}
        value={status}
        onChange={(v) => {
          setStatus(isLeadStatus(v) ? v : null);
          change.reset();
        }}
        error={fieldError(change.error, 'status')}
        allowDeselect={false}
      />
      {status === 'rejected' ? (
        <Textarea
          label={t('statusForm.reason')}
          description={t('statusForm.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(change.error, 'reason')}
          autosize
          minRows={2}
        />
      ) : null}
      <Group>
        <Button type="submit" disabled={!status} loading={change.isPending}>
          {t('statusForm.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Anchor, Box, Group, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ClearFiltersButton, EmptyState, LoadingRows, PageControls } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { pageOf, useAddressParams } from '../../../shared/hooks/use-address-params';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useLeads, type Lead } from '../hooks/use-leads';
import { isLeadStatus, LEAD_STATUSES, LeadStatusBadge, useLeadStatusLabel } from './lead-status-badge';

/** Leads per page. */
const PAGE_SIZE = 25;

export const personOf = (l: Pick<Lead, 'firstName' | 'lastName' | 'email'>) =>
  [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email;

/**
 * A partner's leads, newest first, filtered by status (kept in the address), paged as the API
 * pages them. `linkTo` names a lead's detail page; none in the console (the list is all it shows).
 */
export function LeadsList({ partnerId, linkTo }: { partnerId: string; linkTo?: (lead: Lead) => string }) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  const statusLabel = useLeadStatusLabel();
  const { params, set, clear } = useAddressParams();
  const status = params.get('status');
  const page = pageOf(params);
  const leads = useLeads(partnerId, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(isLeadStatus(status) ? { status } : {}),
  });
  const pages = leads.data ? Math.ceil(leads.data.total / PAGE_SIZE) : 0;
  const statuses = LEAD_STATUSES.map((value) => ({ value, label: statusLabel(value) }));
  const emptyTitle = {
    new: t('empty.new'),
    accepted: t('empty.accepted'),
    rejected: t('empty.rejected'),
    won: t('empty.won'),
    lost: t('empty.lost'),
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('list.status')}
          placeholder={t('list.anyStatus')}
          data={statuses}
          value={isLeadStatus(status) ? status : null}
          onChange={(v) => set({ status: v })}
          clearable
          w={220}
        />
        {leads.data ? (
          <Text size="sm" aria-live="polite">
            {t('list.count', { count: leads.data.total })}
          </Text>
        ) : null}
      </Group>
      {leads.isError ? (
        <QueryError error={leads.error} retry={() => void leads.refetch()} />
      ) : leads.isPending ? (
        <LoadingRows label={t('list.loading')} height={40} />
      ) : leads.data.items.length === 0 ? (
        isLeadStatus(status) ? (
          <EmptyState
            title={emptyTitle[status]}
            text={t('list.noneWithStatus')}
            action={<ClearFiltersButton onClear={clear} label={t('list.showEvery')} />}
          />
        ) : (
          <EmptyState title={t('list.none')} text={t('list.noneText')} />
        )
      ) : (
        <>
          {/* A phone gets a card a lead; wider screens the table. */}
          <Stack gap="sm" hiddenFrom="sm">
            {leads.data.items.map((l) => (
              <Stack key={l.id} component="article" aria-label={personOf(l)} gap={4} p="md" className={classes.panel}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <LeadName lead={l} linkTo={linkTo} />
                  <Box style={{ flexShrink: 0 }}>
                    <LeadStatusBadge status={l.status} />
                  </Box>
                </Group>
                <Text size="sm" className="wrap-anywhere">
                  {l.email}
                  {l.company ? ` · ${l.company}` : ''}
                </Text>
                <Text size="xs">{format.dateTime(l.createdAt)}</Text>
              </Stack>
            ))}
          </Stack>
          <Box visibleFrom="sm" style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('list.region')}>
            <Table miw={640} striped highlightOnHover bg="white" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.prospect')}</Table.Th>
                  <Table.Th>{t('list.company')}</Table.Th>
                  <Table.Th>{t('list.status')}</Table.Th>
                  <Table.Th>{t('list.received')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {leads.data.items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <LeadName lead={l} linkTo={linkTo} />
                      <Text size="xs">{l.email}</Text>
                    </Table.Td>
                    <Table.Td>{l.company ?? '—'}</Table.Td>
                    <Table.Td>
                      <LeadStatusBadge status={l.status} />
                      {l.status === 'rejected' && l.statusReason ? <Text size="xs">{l.statusReason}</Text> : null}
                    </Table.Td>
                    <Table.Td>{format.dateTime(l.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <PageControls pages={pages} page={page} onChange={(p) => set({ page: String(p) })} />
        </>
      )}
    </Stack>
  );
}

function LeadName({ lead, linkTo }: { lead: Lead; linkTo?: (lead: Lead) => string }) {
  return linkTo ? (
    <Anchor component={Link} to={linkTo(lead)} fw={600} className="wrap-anywhere">
      {personOf(lead)}
    </Anchor>
  ) : (
    <Text fw={600} className="wrap-anywhere">
      {personOf(lead)}
    </Text>
  );
}

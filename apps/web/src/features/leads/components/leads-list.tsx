import { Anchor, Box, Group, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ClearFiltersButton, EmptyState, LoadingRows, PageControls } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { pageOf, useAddressParams } from '../../../shared/hooks/use-address-params';
import { format } from '../../../shared/lib/format';
import { useLeads, type Lead } from '../hooks/use-leads';
import { isLeadStatus, LEAD_STATUS_LABELS, LeadStatusBadge } from './lead-status-badge';

/** Leads per page. */
const PAGE_SIZE = 25;
const STATUSES = Object.entries(LEAD_STATUS_LABELS).map(([value, label]) => ({ value, label }));

export const personOf = (l: Pick<Lead, 'firstName' | 'lastName' | 'email'>) =>
  [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email;

/**
 * A partner's leads, newest first, filtered by status (kept in the address), paged as the API
 * pages them. `linkTo` names a lead's detail page; none in the console (the list is all it shows).
 */
export function LeadsList({ partnerId, linkTo }: { partnerId: string; linkTo?: (lead: Lead) => string }) {
  const { params, set, clear } = useAddressParams();
  const status = params.get('status');
  const page = pageOf(params);
  const leads = useLeads(partnerId, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(isLeadStatus(status) ? { status } : {}),
  });
  const pages = leads.data ? Math.ceil(leads.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="md">
      <Group align="flex-end" justify="space-between">
        <Select
          label="Status"
          placeholder="Any status"
          data={STATUSES}
          value={isLeadStatus(status) ? status : null}
          onChange={(v) => set({ status: v })}
          clearable
          w={220}
        />
        {leads.data ? (
          <Text size="sm" aria-live="polite">
            {format.count(leads.data.total)} {leads.data.total === 1 ? 'lead' : 'leads'}
          </Text>
        ) : null}
      </Group>
      {leads.isError ? (
        <QueryError error={leads.error} retry={() => void leads.refetch()} />
      ) : leads.isPending ? (
        <LoadingRows label="Loading the leads" height={40} />
      ) : leads.data.items.length === 0 ? (
        isLeadStatus(status) ? (
          <EmptyState
            title={`No ${LEAD_STATUS_LABELS[status].toLowerCase()} leads`}
            text="No lead has this status."
            action={<ClearFiltersButton onClear={clear} label="Show every status" />}
          />
        ) : (
          <EmptyState
            title="No leads yet"
            text="A lead arrives each time a prospect sends the form of a campaign's landing page."
          />
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
          <Box visibleFrom="sm" style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Leads">
            <Table miw={640} striped highlightOnHover bg="white" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Prospect</Table.Th>
                  <Table.Th>Company</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Received</Table.Th>
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

import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, LoadingRows, PageControls } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { usePartnerChoices } from '../../../shared/hooks/use-partner-choices';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useCrmNames } from '../crm-names';
import {
  useCrmRecords,
  useRetryCrmRecord,
  type CrmConnection,
  type CrmRecord,
  type CrmRecordStatus,
} from '../hooks/use-crm';

/** Records a page of the list. */
const PAGE_SIZE = 10;
const STATUSES: CrmRecordStatus[] = ['pending', 'syncing', 'written', 'failed'];
const STATUS_COLORS: Record<CrmRecordStatus, string> = {
  pending: 'blue.9',
  syncing: 'indigo.9',
  written: 'teal.9',
  failed: 'red.9',
};

/**
 * Where a record's lead is shown to whoever reads the list: in the portal, the lead's own page;
 * the console has no page of one lead, so its partner's leads, where it is listed.
 */
const leadPath = (area: CrmArea, r: CrmRecord): string =>
  area === 'portal' ? `/portal/leads/${r.leadId}` : `/console/leads?${new URLSearchParams({ partner: r.partnerId })}`;

/** The portal's CRM (a partner's own) or the console's (the vendor's own, holding many partners' leads). */
export type CrmArea = 'portal' | 'console';

/**
 * The leads handed to a connection's CRM, newest first, each with its state and a link to its
 * lead: a table from 768 px, a card a lead on a phone. In the console each names its partner and
 * the list narrows to one. A failed one can be tried again; the list is read again after.
 */
export function RecordsList({ connection, area }: { connection: CrmConnection; area: CrmArea }) {
  const { t } = useTranslation('crm');
  const crm = useCrmNames()[connection.provider];
  const format = useFormat();
  const byPartner = area === 'console';
  const [status, setStatus] = useState<CrmRecordStatus | ''>('');
  const [partnerId, setPartnerId] = useState('');
  const [page, setPage] = useState(1);
  const partners = usePartnerChoices({}, byPartner);
  const records = useCrmRecords(connection.id, {
    ...(status ? { status } : {}),
    ...(partnerId ? { partnerId } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const retry = useRetryCrmRecord();
  const titleId = `crm-records-${connection.id}`;
  const statusLabel = (s: CrmRecordStatus): string => {
    switch (s) {
      case 'pending':
        return t('records.pending');
      case 'syncing':
        return t('records.syncing');
      case 'written':
        return t('records.written');
      case 'failed':
        return t('records.failed');
    }
  };
  const pages = records.data ? Math.ceil(records.data.total / PAGE_SIZE) : 0;
  const badge = (r: CrmRecord) => (
    <Badge color={STATUS_COLORS[r.status]} variant="filled" style={{ flexShrink: 0 }}>
      {statusLabel(r.status)}
    </Badge>
  );
  // A written lead's failed milestones are retried with it.
  const retryButton = (r: CrmRecord) =>
    r.status === 'failed' || r.activities.failed > 0 ? (
      <Button
        size="compact-sm"
        variant="default"
        loading={retry.isPending && retry.variables === r.id}
        onClick={() => retry.mutate(r.id)}
        aria-label={t('records.retryLabel', { email: r.email })}
      >
        {t('records.retry')}
      </Button>
    ) : null;
  /** The lead's engagement milestones in its CRM, only the states it has ("2 written, 1 failed"). */
  const milestones = (r: CrmRecord) => {
    const { written, pending, failed } = r.activities;
    const parts = [
      written ? t('records.milestonesWritten', { n: format.count(written) }) : null,
      pending ? t('records.milestonesPending', { n: format.count(pending) }) : null,
      failed ? t('records.milestonesFailed', { n: format.count(failed) }) : null,
    ].filter((part) => part !== null);
    return parts.length ? parts.join(', ') : t('records.noMilestones');
  };
  const written = (r: CrmRecord) => (r.writtenAt ? format.dateTime(r.writtenAt) : t('records.notWritten'));
  const lead = (r: CrmRecord, fw?: number) => (
    <Anchor
      component={Link}
      to={leadPath(area, r)}
      size="sm"
      fw={fw}
      className="wrap-anywhere"
      // The console's link opens the partner's leads, not the lead alone: its name says so (the email first, as shown).
      aria-label={byPartner ? t('records.leadAmong', { email: r.email, partner: r.partnerName }) : undefined}
    >
      {r.email}
    </Anchor>
  );

  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} size="h3" id={titleId}>
            {t('records.title', { crm })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('records.text', { account: connection.accountName })}
          </Text>
        </Stack>
        {/* On a phone each filter takes the whole width, one under the other. */}
        <Group gap="sm" align="flex-end" wrap="wrap" w={{ base: '100%', xs: 'auto' }}>
          {byPartner && partners.data ? (
            <NativeSelect
              label={t('records.partnerFilter')}
              value={partnerId}
              onChange={(e) => {
                setPartnerId(e.currentTarget.value);
                setPage(1);
              }}
              data={[
                { value: '', label: t('records.allPartners') },
                ...partners.data.items.map((p) => ({ value: p.id, label: p.companyName })),
              ]}
              w={{ base: '100%', xs: 240 }}
            />
          ) : null}
          <NativeSelect
            label={t('records.filter')}
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value as CrmRecordStatus | '');
              setPage(1);
            }}
            data={[
              { value: '', label: t('records.all') },
              ...STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
            ]}
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
      </Group>
      {retry.isError ? (
        <Alert color="red" variant="light" title={t('records.notRetried')} role="alert">
          {retry.error.message}
        </Alert>
      ) : null}
      {records.isError ? (
        <QueryError error={records.error} retry={() => void records.refetch()} />
      ) : records.isPending ? (
        <LoadingRows label={t('records.loading', { crm })} height={44} />
      ) : records.data.items.length === 0 ? (
        <EmptyState
          order={3}
          title={t('records.empty')}
          text={status || partnerId ? t('records.emptyFiltered') : t('records.emptyText')}
        />
      ) : (
        <>
          <Box visibleFrom="sm" className={classes.panel} style={{ overflowX: 'auto' }}>
            <Table verticalSpacing="xs" fz="sm" aria-labelledby={titleId}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('records.email')}</Table.Th>
                  {byPartner ? <Table.Th>{t('records.partner')}</Table.Th> : null}
                  <Table.Th>{t('records.campaign')}</Table.Th>
                  <Table.Th>{t('records.status')}</Table.Th>
                  <Table.Th ta="right">{t('records.attempts')}</Table.Th>
                  <Table.Th>{t('records.lastError')}</Table.Th>
                  <Table.Th>{t('records.writtenAt')}</Table.Th>
                  <Table.Th>{t('records.milestones')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('records.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {records.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{lead(r)}</Table.Td>
                    {byPartner ? <Table.Td className="wrap-anywhere">{r.partnerName}</Table.Td> : null}
                    <Table.Td>{r.campaignName}</Table.Td>
                    <Table.Td>{badge(r)}</Table.Td>
                    <Table.Td ta="right">{format.count(r.attempts)}</Table.Td>
                    <Table.Td className="wrap-anywhere" maw={280}>
                      {r.lastError}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{written(r)}</Table.Td>
                    <Table.Td>{milestones(r)}</Table.Td>
                    <Table.Td>{retryButton(r)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <Stack component="ul" hiddenFrom="sm" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {records.data.items.map((r) => (
              <Stack component="li" key={r.id} gap={4} p="sm" className={classes.panel}>
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Box miw={0}>{lead(r, 600)}</Box>
                  {badge(r)}
                </Group>
                {byPartner ? (
                  <Text size="sm" className="wrap-anywhere">
                    {t('records.cardPartner', { partner: r.partnerName })}
                  </Text>
                ) : null}
                <Text size="sm">{t('records.cardCampaign', { campaign: r.campaignName })}</Text>
                <Text size="sm">
                  {r.writtenAt
                    ? t('records.cardWritten', { when: format.dateTime(r.writtenAt) })
                    : t('records.notWritten')}
                </Text>
                <Text size="sm">{t('records.cardAttempts', { count: r.attempts })}</Text>
                <Text size="sm">{t('records.cardMilestones', { list: milestones(r) })}</Text>
                {r.lastError ? (
                  <Text size="sm" className="wrap-anywhere">
                    {t('records.cardError', { error: r.lastError })}
                  </Text>
                ) : null}
                {retryButton(r) ? <div>{retryButton(r)}</div> : null}
              </Stack>
            ))}
          </Stack>
          <PageControls pages={pages} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

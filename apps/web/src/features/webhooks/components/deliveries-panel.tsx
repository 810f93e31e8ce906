import { Alert, Badge, Box, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { EmptyState, LoadingRows, PageControls } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useEventTypeLabels } from '../event-types';
import { useDeliveries, useReplayDelivery, type WebhookDelivery, type WebhookEndpoint } from '../hooks/use-webhooks';

/** Deliveries per page of the log. */
const PAGE_SIZE = 10;
const STATUS_COLORS: Record<WebhookDelivery['status'], string> = {
  pending: 'blue.9',
  delivered: 'teal.9',
  failed: 'red.9',
};

/** An endpoint's delivery log: each delivery's request, its attempts (status, latency) and a replay. */
export function DeliveriesPanel({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation('webhooks');
  const format = useFormat();
  const eventTypeLabels = useEventTypeLabels();
  const statusLabels: Record<WebhookDelivery['status'], string> = {
    pending: t('deliveries.pending'),
    delivered: t('deliveries.delivered'),
    failed: t('deliveries.failed'),
  };
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries(endpoint.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const replay = useReplayDelivery(endpoint.id);
  const pages = deliveries.data ? Math.ceil(deliveries.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="sm" component="section" aria-label={t('deliveries.logOf', { url: endpoint.url })}>
      <Title order={3} size="h5">
        {t('deliveries.title')}
      </Title>
      {replay.isError ? (
        <Alert color="red" variant="light" title={t('deliveries.notReplayed')}>
          {replay.error.message}
        </Alert>
      ) : null}
      {deliveries.error instanceof ApiError && deliveries.error.status === 404 ? (
        // A vendor admin asking for a private partner's log (its deliveries carry the partner's people), or an endpoint just deleted.
        <Text size="sm">{t('deliveries.hidden')}</Text>
      ) : deliveries.isError ? (
        <QueryError error={deliveries.error} retry={() => void deliveries.refetch()} />
      ) : deliveries.isPending ? (
        <LoadingRows label={t('deliveries.loading')} height={48} />
      ) : deliveries.data.items.length === 0 ? (
        <EmptyState order={3} title={t('deliveries.empty')} text={t('deliveries.emptyText')} />
      ) : (
        <Stack gap="sm">
          {deliveries.data.items.map((d) => (
            <Stack
              key={d.id}
              component="article"
              aria-label={t('deliveries.delivery', { event: eventTypeLabels[d.eventType], id: d.id })}
              gap={6}
              p="sm"
              className={classes.tinted}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {eventTypeLabels[d.eventType]}
                  </Text>
                  <Badge color={STATUS_COLORS[d.status]} variant="filled">
                    {statusLabels[d.status]}
                  </Badge>
                </Group>
                <Button
                  size="xs"
                  variant="default"
                  loading={replay.isPending && replay.variables === d.id}
                  onClick={() => replay.mutate(d.id)}
                  aria-label={t('deliveries.replayLabel', {
                    event: eventTypeLabels[d.eventType],
                    date: format.dateTimeSeconds(d.createdAt),
                  })}
                >
                  {t('deliveries.replay')}
                </Button>
              </Group>
              <Text size="xs" className="wrap-anywhere">
                {d.deliveredAt
                  ? t('deliveries.createdDelivered', {
                      id: d.id,
                      created: format.dateTimeSeconds(d.createdAt),
                      delivered: format.dateTimeSeconds(d.deliveredAt),
                    })
                  : t('deliveries.created', { id: d.id, created: format.dateTimeSeconds(d.createdAt) })}
              </Text>
              {d.log.length ? (
                <Box
                  style={{ overflowX: 'auto' }}
                  tabIndex={0}
                  role="region"
                  aria-label={t('deliveries.attemptsOf', { id: d.id })}
                >
                  <Table withTableBorder bg="white" fz="xs" horizontalSpacing={6}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('deliveries.attempt')}</Table.Th>
                        <Table.Th>{t('deliveries.answer')}</Table.Th>
                        <Table.Th ta="right">{t('deliveries.latency')}</Table.Th>
                        <Table.Th>{t('deliveries.at')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.log.map((a) => (
                        <Table.Tr key={`${a.attempt}-${a.at}`}>
                          <Table.Td>{a.attempt}</Table.Td>
                          <Table.Td className="wrap-anywhere">
                            {a.statusCode !== null
                              ? t('deliveries.http', { code: a.statusCode })
                              : (a.error ?? t('deliveries.noAnswer'))}
                          </Table.Td>
                          <Table.Td ta="right">{t('deliveries.ms', { ms: format.count(a.latencyMs) })}</Table.Td>
                          <Table.Td>{format.dayAndSecond(a.at)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Box>
              ) : (
                <Text size="xs">{t('deliveries.noAttempt')}</Text>
              )}
              <details>
                <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>
                  {t('deliveries.body')}
                </summary>
                <Code block mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {JSON.stringify(d.payload, null, 2)}
                </Code>
              </details>
            </Stack>
          ))}
          <PageControls pages={pages} page={page} onChange={setPage} />
        </Stack>
      )}
    </Stack>
  );
}

import { Alert, Badge, Box, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { EmptyState, LoadingRows, PageControls } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { format } from '../../../shared/lib/format';
import { EVENT_TYPE_LABELS } from '../event-types';
import { useDeliveries, useReplayDelivery, type WebhookDelivery, type WebhookEndpoint } from '../hooks/use-webhooks';

/** Deliveries per page of the log. */
const PAGE_SIZE = 10;
const STATUS: Record<WebhookDelivery['status'], { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'blue.9' },
  delivered: { label: 'Delivered', color: 'teal.9' },
  failed: { label: 'Failed', color: 'red.9' },
};

/** An endpoint's delivery log: each delivery's request, its attempts (status, latency) and a replay. */
export function DeliveriesPanel({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries(endpoint.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const replay = useReplayDelivery(endpoint.id);
  const pages = deliveries.data ? Math.ceil(deliveries.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="sm" component="section" aria-label={`Delivery log of ${endpoint.url}`}>
      <Title order={3} size="h5">
        Delivery log
      </Title>
      {replay.isError ? (
        <Alert color="red" variant="light" title="The delivery was not sent again">
          {replay.error.message}
        </Alert>
      ) : null}
      {deliveries.error instanceof ApiError && deliveries.error.status === 404 ? (
        // A vendor admin asking for a private partner's log (its deliveries carry the partner's people), or an endpoint just deleted.
        <Text size="sm">
          This delivery log is not shown: the endpoint was deleted, or its partner keeps its contacts private.
        </Text>
      ) : deliveries.isError ? (
        <QueryError error={deliveries.error} retry={() => void deliveries.refetch()} />
      ) : deliveries.isPending ? (
        <LoadingRows label="Loading the deliveries" height={48} />
      ) : deliveries.data.items.length === 0 ? (
        <EmptyState
          order={3}
          title="Nothing delivered yet"
          text="A delivery appears here as soon as one of its events happens."
        />
      ) : (
        <Stack gap="sm">
          {deliveries.data.items.map((d) => (
            <Stack
              key={d.id}
              component="article"
              aria-label={`${EVENT_TYPE_LABELS[d.eventType]} delivery ${d.id}`}
              gap={6}
              p="sm"
              className={classes.tinted}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {EVENT_TYPE_LABELS[d.eventType]}
                  </Text>
                  <Badge color={STATUS[d.status].color} variant="filled">
                    {STATUS[d.status].label}
                  </Badge>
                </Group>
                <Button
                  size="xs"
                  variant="default"
                  loading={replay.isPending && replay.variables === d.id}
                  onClick={() => replay.mutate(d.id)}
                  aria-label={`Replay the ${EVENT_TYPE_LABELS[d.eventType].toLowerCase()} delivery of ${format.dateTimeSeconds(d.createdAt)}`}
                >
                  Replay
                </Button>
              </Group>
              <Text size="xs" className="wrap-anywhere">
                webhook-id {d.id} · created {format.dateTimeSeconds(d.createdAt)}
                {d.deliveredAt ? ` · delivered ${format.dateTimeSeconds(d.deliveredAt)}` : ''}
              </Text>
              {d.log.length ? (
                <Box
                  style={{ overflowX: 'auto' }}
                  tabIndex={0}
                  role="region"
                  aria-label={`Attempts of delivery ${d.id}`}
                >
                  <Table withTableBorder bg="white" fz="xs" horizontalSpacing={6}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Attempt</Table.Th>
                        <Table.Th>Answer</Table.Th>
                        <Table.Th ta="right">Latency</Table.Th>
                        <Table.Th>At</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.log.map((a) => (
                        <Table.Tr key={`${a.attempt}-${a.at}`}>
                          <Table.Td>{a.attempt}</Table.Td>
                          <Table.Td className="wrap-anywhere">
                            {a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? 'No answer')}
                          </Table.Td>
                          <Table.Td ta="right">{format.count(a.latencyMs)} ms</Table.Td>
                          <Table.Td>{format.dayAndSecond(a.at)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Box>
              ) : (
                <Text size="xs">No attempt yet.</Text>
              )}
              <details>
                <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>Request body</summary>
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

import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import classes from '../../../shared/components/panel.module.css';
import { format } from '../../../shared/lib/format';
import { EVENT_TYPE_LABELS } from '../event-types';
import { useDeleteWebhook, useEnableWebhook, type WebhookEndpoint } from '../hooks/use-webhooks';
import { DeliveriesPanel } from './deliveries-panel';

/** One endpoint: its address, events and health, its actions, and (opened) its delivery log. */
export function EndpointCard({
  endpoint: e,
  owner,
  logOpen,
  onToggleLog,
}: {
  endpoint: WebhookEndpoint;
  owner?: string;
  logOpen: boolean;
  onToggleLog: () => void;
}) {
  const enable = useEnableWebhook();
  const remove = useDeleteWebhook();
  const [confirming, { open: confirm, close: cancel }] = useDisclosure(false);
  const logId = `delivery-log-${e.id}`;

  return (
    <Stack component="article" aria-label={e.url} gap="sm" p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Text fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {e.url}
        </Text>
        {/* Failing: dark text on yellow (white on any yellow or orange is under 4.5:1). */}
        <Badge
          style={{ flexShrink: 0 }}
          color={!e.enabled ? 'red.9' : e.failingSince ? 'yellow.4' : 'teal.9'}
          c={e.enabled && e.failingSince ? 'dark.9' : undefined}
          variant="filled"
        >
          {!e.enabled ? 'Disabled' : e.failingSince ? 'Failing' : 'Enabled'}
        </Badge>
      </Group>
      {owner ? <Text size="sm">{owner}</Text> : null}
      <Group gap={6}>
        {e.eventTypes.map((t) => (
          <Badge key={t} variant="light" color="indigo">
            {EVENT_TYPE_LABELS[t]}
          </Badge>
        ))}
      </Group>
      {!e.enabled ? (
        <Text size="sm">
          Disabled automatically{e.disabledAt ? ` on ${format.dateTime(e.disabledAt)}` : ''}
          {e.disabledReason ? `: ${e.disabledReason}` : ''}. Enable it again to send what it missed.
        </Text>
      ) : e.failingSince ? (
        <Text size="sm">
          Failing since {format.dateTime(e.failingSince)} ({e.consecutiveFailures} failed attempts); it is disabled
          after a day of failures.
        </Text>
      ) : null}
      {enable.isError ? <Text size="sm">{enable.error.message}</Text> : null}
      {remove.isError ? <Text size="sm">{remove.error.message}</Text> : null}
      <Group gap="sm">
        <Button
          size="xs"
          variant="light"
          onClick={onToggleLog}
          aria-expanded={logOpen}
          aria-controls={logOpen ? logId : undefined}
        >
          {logOpen ? 'Hide the delivery log' : 'Delivery log'}
        </Button>
        {!e.enabled ? (
          <Button size="xs" onClick={() => enable.mutate(e.id)} loading={enable.isPending}>
            Enable again
          </Button>
        ) : null}
        <Button size="xs" variant="outline" color="red.9" onClick={confirm}>
          Delete
        </Button>
      </Group>
      {logOpen ? (
        <div id={logId}>
          <DeliveriesPanel endpoint={e} />
        </div>
      ) : null}
      <Modal
        opened={confirming}
        onClose={cancel}
        title="Delete this endpoint?"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="md">
          <Text size="sm" className="wrap-anywhere">
            {e.url} stops receiving events, and its delivery log is deleted with it.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              Keep it
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(e.id, { onSuccess: cancel })}>
              Delete the endpoint
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

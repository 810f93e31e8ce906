import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import classes from '../../../shared/components/panel.module.css';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useEventTypeLabels } from '../event-types';
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
  const { t } = useTranslation('webhooks');
  const format = useFormat();
  const eventTypeLabels = useEventTypeLabels();
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
          {!e.enabled ? t('endpoint.disabled') : e.failingSince ? t('endpoint.failing') : t('endpoint.enabled')}
        </Badge>
      </Group>
      {owner ? <Text size="sm">{owner}</Text> : null}
      <Group gap={6}>
        {e.eventTypes.map((type) => (
          <Badge key={type} variant="light" color="indigo">
            {eventTypeLabels[type]}
          </Badge>
        ))}
      </Group>
      {!e.enabled ? (
        <Text size="sm">
          {e.disabledAt
            ? e.disabledReason
              ? t('endpoint.disabledOnBecause', { date: format.dateTime(e.disabledAt), reason: e.disabledReason })
              : t('endpoint.disabledOn', { date: format.dateTime(e.disabledAt) })
            : e.disabledReason
              ? t('endpoint.disabledBecause', { reason: e.disabledReason })
              : t('endpoint.disabledUndated')}
        </Text>
      ) : e.failingSince ? (
        <Text size="sm">
          {t('endpoint.failingSince', { date: format.dateTime(e.failingSince), count: e.consecutiveFailures })}
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
          {logOpen ? t('endpoint.hideLog') : t('endpoint.showLog')}
        </Button>
        {!e.enabled ? (
          <Button size="xs" onClick={() => enable.mutate(e.id)} loading={enable.isPending}>
            {t('endpoint.enable')}
          </Button>
        ) : null}
        <Button size="xs" variant="outline" color="red.9" onClick={confirm}>
          {t('endpoint.delete')}
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
        title={t('delete.title')}
        closeButtonProps={{ 'aria-label': t('close') }}
      >
        <Stack gap="md">
          <Text size="sm" className="wrap-anywhere">
            {t('delete.consequence', { url: e.url })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {t('delete.keep')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(e.id, { onSuccess: cancel })}>
              {t('delete.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

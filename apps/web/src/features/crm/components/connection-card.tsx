import { Alert, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import classes from '../../../shared/components/panel.module.css';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useCrmNames } from '../crm-names';
import { useDisconnectCrm, useStartCrmConnection, type CrmConnection } from '../hooks/use-crm';

/** One connected CRM account: its name and state, why it broke and the way back, and disconnecting it. */
export function ConnectionCard({ connection: c }: { connection: CrmConnection }) {
  const { t } = useTranslation('crm');
  const crm = useCrmNames()[c.provider];
  const format = useFormat();
  const start = useStartCrmConnection();
  const disconnect = useDisconnectCrm();
  const [confirming, { open: confirm, close: cancel }] = useDisclosure(false);
  const titleId = `crm-connection-${c.id}`;
  const broken = c.status === 'broken';

  return (
    <Stack component="article" aria-labelledby={titleId} gap="sm" p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Text size="sm" c="dimmed">
            {crm}
          </Text>
          <Title order={2} size="h3" id={titleId} className="wrap-anywhere">
            {c.accountName}
          </Title>
        </Stack>
        <Badge style={{ flexShrink: 0 }} color={broken ? 'red.9' : 'teal.9'} variant="filled">
          {broken ? t('status.broken') : t('status.active')}
        </Badge>
      </Group>
      <Text size="sm">{t('connection.since', { account: c.accountId, when: format.date(c.createdAt) })}</Text>
      {broken ? (
        <Alert color="red" variant="light" title={t('connection.brokenTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('connection.brokenText', { crm })}</Text>
            {c.trouble ? (
              <Text size="sm" className="wrap-anywhere">
                {c.trouble}
              </Text>
            ) : null}
            <Button size="xs" onClick={() => start.mutate(c.provider)} loading={start.isPending}>
              {t('connection.connectAgain')}
            </Button>
            {start.error ? (
              <Text size="sm" role="alert">
                {start.error.message}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button
          size="xs"
          variant="outline"
          color="red.9"
          onClick={confirm}
          aria-label={t('connection.disconnectLabel', { account: c.accountName, crm })}
        >
          {t('connection.disconnect')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={cancel}
        title={t('disconnect.title', { account: c.accountName })}
        closeButtonProps={{ 'aria-label': t('disconnect.close') }}
      >
        <Stack gap="md">
          <Text size="sm" className="wrap-anywhere">
            {t('disconnect.consequence', { account: c.accountName, crm })}
          </Text>
          {disconnect.isError ? (
            <Text size="sm" role="alert">
              {disconnect.error.message}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {t('disconnect.keep')}
            </Button>
            <Button
              color="red.9"
              loading={disconnect.isPending}
              onClick={() => disconnect.mutate(c.id, { onSuccess: cancel })}
            >
              {t('disconnect.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

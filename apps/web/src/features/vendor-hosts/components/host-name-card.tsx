import { Alert, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import classes from '../../../shared/components/panel.module.css';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useCheckHostName, useRemoveHostName, type VendorHostName } from '../hooks/use-host-names';
import { RecordField } from '../../../shared/components/record-field';

/** One host name: its state, the TXT record to publish while it is pending, the last check's finding, its actions. */
export function HostNameCard({ hostName: h }: { hostName: VendorHostName }) {
  const { t } = useTranslation('vendor-hosts');
  const format = useFormat();
  const check = useCheckHostName();
  const remove = useRemoveHostName();
  const [confirming, { open: confirm, close: cancel }] = useDisclosure(false);
  const titleId = `host-${h.id}`;
  const verified = h.status === 'verified';
  const checkError = fieldError(check.error, 'host') ?? formError(check.error, ['host']);

  return (
    <Stack component="article" aria-labelledby={titleId} gap="sm" p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={3} size="h4" id={titleId} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {h.host}
        </Title>
        {/* Pending: dark text on yellow (white on any yellow is under 4.5:1). */}
        <Badge
          style={{ flexShrink: 0 }}
          color={verified ? 'teal.9' : 'yellow.4'}
          c={verified ? undefined : 'dark.9'}
          variant="filled"
        >
          {verified ? t('hostName.verified') : t('hostName.pending')}
        </Badge>
      </Group>
      {verified ? (
        <Text size="sm">
          {h.verifiedAt
            ? t('hostName.verifiedOn', { date: format.dateTime(h.verifiedAt) })
            : t('hostName.verifiedUndated')}
        </Text>
      ) : (
        <>
          <Text size="sm">{t('hostName.publish')}</Text>
          <RecordField label={t('hostName.recordName')} value={h.txtRecord.name} what={t('hostName.txtName')} />
          <RecordField label={t('hostName.recordValue')} value={h.txtRecord.value} what={t('hostName.txtValue')} />
        </>
      )}
      {h.lastError ? (
        <Stack
          gap={2}
          role="status"
          aria-label={t('hostName.lastCheck', { host: h.host })}
          p="sm"
          className={classes.tinted}
        >
          <Text size="sm">{h.lastError}</Text>
          {h.checkedAt ? (
            <Text size="xs" c="dimmed">
              {t('hostName.checkedOn', { date: format.dateTime(h.checkedAt) })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {checkError ? (
        <Alert color="red" variant="light" role="alert" title={t('hostName.notVerified')}>
          <Text size="sm">{checkError}</Text>
        </Alert>
      ) : null}
      <Group gap="sm">
        {verified ? null : (
          <Button size="xs" onClick={() => check.mutate(h.id)} loading={check.isPending}>
            {t('hostName.check')}
          </Button>
        )}
        <Button size="xs" variant="outline" color="red.9" onClick={confirm}>
          {t('hostName.remove')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={cancel}
        title={t('remove.title')}
        closeButtonProps={{ 'aria-label': t('remove.close') }}
      >
        <Stack gap="md">
          <Text size="sm" className="wrap-anywhere">
            {t('remove.consequence', { host: h.host })}
          </Text>
          {remove.isError ? <Text size="sm">{remove.error.message}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {t('remove.keep')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(h.id, { onSuccess: cancel })}>
              {t('remove.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

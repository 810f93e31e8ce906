import { Alert, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import classes from '../../../shared/components/panel.module.css';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { format } from '../../../shared/lib/format';
import { useCheckHostName, useRemoveHostName, type VendorHostName } from '../hooks/use-host-names';
import { RecordField } from '../../../shared/components/record-field';

/** One host name: its state, the TXT record to publish while it is pending, the last check's finding, its actions. */
export function HostNameCard({ hostName: h }: { hostName: VendorHostName }) {
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
          {verified ? 'Verified' : 'Pending'}
        </Badge>
      </Group>
      {verified ? (
        <Text size="sm">
          Verified{h.verifiedAt ? ` on ${format.dateTime(h.verifiedAt)}` : ''}. Its sign-in page is yours, and only your
          users can sign in there. Point the host at the engine through your reverse proxy, with its TLS certificate.
        </Text>
      ) : (
        <>
          <Text size="sm">
            Publish this TXT record at your DNS provider, then check it. DNS changes can take a while to be seen.
          </Text>
          <RecordField label="Name" value={h.txtRecord.name} what="TXT record's name" />
          <RecordField label="Value" value={h.txtRecord.value} what="TXT record's value" />
        </>
      )}
      {h.lastError ? (
        <Stack gap={2} role="status" aria-label={`Last check of ${h.host}`} p="sm" className={classes.tinted}>
          <Text size="sm">{h.lastError}</Text>
          {h.checkedAt ? (
            <Text size="xs" c="dimmed">
              Checked on {format.dateTime(h.checkedAt)}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {checkError ? (
        <Alert color="red" variant="light" role="alert" title="The host name was not verified">
          <Text size="sm">{checkError}</Text>
        </Alert>
      ) : null}
      <Group gap="sm">
        {verified ? null : (
          <Button size="xs" onClick={() => check.mutate(h.id)} loading={check.isPending}>
            Check now
          </Button>
        )}
        <Button size="xs" variant="outline" color="red.9" onClick={confirm}>
          Remove
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={cancel}
        title="Remove this host name?"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="md">
          <Text size="sm" className="wrap-anywhere">
            {h.host} stops being your portal’s address: anyone’s users can sign in there again, as on the engine’s own
            address.
          </Text>
          {remove.isError ? <Text size="sm">{remove.error.message}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              Keep it
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(h.id, { onSuccess: cancel })}>
              Remove the host name
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

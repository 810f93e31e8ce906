import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useGenerateDkimKey, type SendingSettings } from '../hooks/use-sending-settings';

/** The DKIM key that signs the vendor's mail, and the action that has the engine generate a new one. */
export function DkimKeyCard({ settings }: { settings: SendingSettings }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [selector, setSelector] = useState('');
  const generate = useGenerateDkimKey();
  const replacing = settings.dkim !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    generate.mutate(selector.trim() || undefined, {
      onSuccess: (saved) => {
        close();
        setSelector('');
        notifications.show({
          color: 'teal',
          message: `A new DKIM key signs your mail (selector ${saved.dkim?.selector ?? ''}). Publish its DNS record below.`,
        });
      },
    });
  };
  const topError = formError(generate.error, ['selector']);

  return (
    <Card padding="lg" component="section" aria-labelledby="dkim-title">
      <Title order={2} size="h3" id="dkim-title" mb={4}>
        DKIM key
      </Title>
      <Stack gap="sm" align="flex-start">
        {settings.dkim ? (
          <Text size="sm">
            Your mail is signed for <strong>{settings.dkim.domain}</strong> with the key under selector{' '}
            <strong>{settings.dkim.selector}</strong>. The private key is kept sealed by the engine and never shown.
          </Text>
        ) : (
          <Text size="sm">
            No DKIM key yet: receivers cannot tell your mail really comes from your domain. The engine generates one
            (RSA 2048) and keeps its private key sealed.
          </Text>
        )}
        <Button variant={replacing ? 'default' : 'filled'} onClick={open}>
          {replacing ? 'Generate a new DKIM key' : 'Generate DKIM key'}
        </Button>
      </Stack>

      <Modal
        opened={opened}
        onClose={close}
        title={replacing ? 'Replace the DKIM key?' : 'Generate a DKIM key'}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit} noValidate aria-label="Generate a DKIM key">
          <Stack gap="md">
            {replacing ? (
              <Alert
                color="yellow"
                variant="light"
                title="Mail will fail DKIM until your DNS is updated"
                styles={{
                  title: { color: 'var(--mantine-color-dark-8)' },
                  message: { color: 'var(--mantine-color-dark-8)' },
                }}
              >
                <Text size="sm">
                  The new key signs at once and the old one is discarded: publish the new DKIM record, then check the
                  DNS.
                </Text>
              </Alert>
            ) : null}
            <TextInput
              id="selector"
              label="Selector"
              description="The name the key is published under. Empty: tcma followed by the year and month."
              placeholder="tcma202611"
              value={selector}
              onChange={(e) => setSelector(e.currentTarget.value)}
              error={fieldError(generate.error, 'selector') ?? fieldError(generate.error, 'sendingDomain')}
              data-autofocus
            />
            {topError ? (
              <Alert color="red" variant="light" role="alert" title="No key was generated">
                <Text size="sm">{topError}</Text>
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color={replacing ? 'red.9' : undefined} loading={generate.isPending}>
                {replacing ? 'Replace the key' : 'Generate the key'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

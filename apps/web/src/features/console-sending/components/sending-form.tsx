import { Alert, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldError, formError } from '../../../shared/lib/field-error';
import {
  useReplaceVendorSending,
  type SendingSettings,
  type SendingSettingsRequest,
} from '../hooks/use-sending-settings';

const FIELDS = ['smtpUrl', 'sendingDomain', 'ratePerSecond'];

/** How the stored SMTP server reads (the API never gives its password back). */
function smtpLabel(smtp: NonNullable<SendingSettings['smtp']>): string {
  return `${smtp.secure ? 'smtps' : 'smtp'}://${smtp.user ? `${smtp.user}@` : ''}${smtp.host}${smtp.port ? `:${smtp.port}` : ''}`;
}

/** SMTP server, sending domain and rate. An empty SMTP box keeps the stored server and its password. */
export function SendingForm({ settings }: { settings: SendingSettings }) {
  const [smtpUrl, setSmtpUrl] = useState('');
  const [sendingDomain, setSendingDomain] = useState(settings.sendingDomain ?? '');
  const [rate, setRate] = useState<number | string>(settings.ratePerSecond ?? '');
  const save = useReplaceVendorSending();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: SendingSettingsRequest = {
      ...(smtpUrl.trim() ? { smtpUrl: smtpUrl.trim() } : {}),
      sendingDomain: sendingDomain.trim() || null,
      ratePerSecond: rate === '' ? null : Number(rate),
    };
    save.mutate(body, {
      onSuccess: () => {
        setSmtpUrl('');
        notifications.show({ color: 'teal', message: 'Sending settings saved.' });
      },
    });
  };
  const topError = formError(save.error, FIELDS);

  return (
    <Card padding="lg" component="section" aria-labelledby="server-title">
      <form onSubmit={submit} noValidate aria-label="Sending server">
        <Title order={2} size="h3" id="server-title" mb={4}>
          Server and sender
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Where your partners’ campaign emails leave from, and the domain of their From address.
        </Text>
        <Stack gap="md">
          <TextInput
            id="smtpUrl"
            label="SMTP server"
            description={
              settings.smtp
                ? `Now ${smtpLabel(settings.smtp)}. Leave empty to keep it (and its password).`
                : 'None yet: emails go to the engine’s default server or its outbox.'
            }
            placeholder="smtp://user:password@mail.example.com:587"
            autoComplete="off"
            value={smtpUrl}
            onChange={(e) => setSmtpUrl(e.currentTarget.value)}
            error={fieldError(save.error, 'smtpUrl')}
          />
          <TextInput
            id="sendingDomain"
            label="Sending domain"
            description="From addresses use it (partners@… for partners without their own sender); the DKIM key signs for it."
            placeholder="mail.example.com"
            value={sendingDomain}
            onChange={(e) => setSendingDomain(e.currentTarget.value)}
            error={fieldError(save.error, 'sendingDomain')}
          />
          <NumberInput
            id="ratePerSecond"
            label="Rate (emails per second)"
            description="Empty: the engine’s default rate."
            min={1}
            allowDecimal={false}
            value={rate}
            onChange={setRate}
            error={fieldError(save.error, 'ratePerSecond')}
            maw={260}
          />
          {topError ? (
            <Alert color="red" variant="light" role="alert" title="The settings were not saved">
              <Text size="sm">{topError}</Text>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} w={{ base: '100%', xs: 'auto' }}>
              Save sending settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

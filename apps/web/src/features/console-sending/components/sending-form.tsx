import { Alert, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../shared/i18n';
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
  const { t } = useTranslation('console-sending');
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
        notifications.show({ color: 'teal', message: t('form.saved') });
      },
    });
  };
  const topError = formError(save.error, FIELDS);

  return (
    <Card padding="lg" component="section" aria-labelledby="server-title">
      <form onSubmit={submit} noValidate aria-label={t('form.label')}>
        <Title order={2} size="h3" id="server-title" mb={4}>
          {t('form.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('form.description')}
        </Text>
        <Stack gap="md">
          <TextInput
            id="smtpUrl"
            label={t('form.smtp')}
            description={settings.smtp ? t('form.smtpNow', { server: smtpLabel(settings.smtp) }) : t('form.smtpNone')}
            placeholder={t('form.smtpExample')}
            autoComplete="off"
            value={smtpUrl}
            onChange={(e) => setSmtpUrl(e.currentTarget.value)}
            error={fieldError(save.error, 'smtpUrl')}
          />
          <TextInput
            id="sendingDomain"
            label={t('form.domain')}
            description={t('form.domainHint')}
            placeholder={t('form.domainExample')}
            value={sendingDomain}
            onChange={(e) => setSendingDomain(e.currentTarget.value)}
            error={fieldError(save.error, 'sendingDomain')}
          />
          <NumberInput
            id="ratePerSecond"
            label={t('form.rate')}
            description={t('form.rateHint')}
            min={1}
            allowDecimal={false}
            value={rate}
            onChange={setRate}
            error={fieldError(save.error, 'ratePerSecond')}
            maw={260}
          />
          {topError ? (
            <Alert color="red" variant="light" role="alert" title={t('form.notSaved')}>
              <Text size="sm">{topError}</Text>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} w={{ base: '100%', xs: 'auto' }}>
              {t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

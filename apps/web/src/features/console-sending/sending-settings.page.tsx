import { Alert, Button, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error';
import { PageHeader } from '../../shared/components/page-header';
import { Trans, useTranslation } from '../../shared/i18n';
import { DkimKeyCard } from './components/dkim-key-card';
import { DnsPanel } from './components/dns-panel';
import { SendingForm } from './components/sending-form';
import { useVendorSending } from './hooks/use-sending-settings';

/** Vendor admins: the SMTP server, sending domain and rate, the DKIM key, and the DNS records that make receivers trust the mail. */
export function SendingSettingsPage() {
  const { t } = useTranslation('console-sending');
  const settings = useVendorSending();
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans i18nKey="page.breadcrumb" t={t} components={{ console: <Link to="/console" /> }} />
      </Text>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      {settings.isPending ? (
        <Stack gap="md" aria-busy="true" aria-label={t('page.loading')}>
          <Skeleton height={240} />
          <Skeleton height={320} />
        </Stack>
      ) : settings.isError ? (
        <Alert
          color="red"
          variant="light"
          title={
            settings.error instanceof ApiError && settings.error.status === 403
              ? t('page.adminsOnly')
              : t('page.notLoaded')
          }
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{settings.error.message}</Text>
            <Button size="xs" variant="default" onClick={() => void settings.refetch()}>
              {t('shared:actions.tryAgain')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              <SendingForm key={settings.data.sendingDomain ?? ''} settings={settings.data} />
              <DkimKeyCard settings={settings.data} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            {/* A new key or domain makes the last check's answer stale: the panel starts afresh. */}
            <DnsPanel key={settings.data.dnsRecords.map((r) => r.value).join('\n')} settings={settings.data} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

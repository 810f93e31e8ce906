import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { formError } from '../../../shared/lib/field-error';
import { useCheckVendorDns, type SendingSettings } from '../hooks/use-sending-settings';
import { DnsRecordCard } from './dns-records';

/** The records to publish, each ready to copy, and the check of what the DNS answers for them. */
export function DnsPanel({ settings }: { settings: SendingSettings }) {
  const { t } = useTranslation('console-sending');
  const format = useFormat();
  const check = useCheckVendorDns();
  const report = check.data;
  const checkError = formError(check.error, []);

  return (
    <Card padding="lg" component="section" aria-labelledby="dns-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="dns-title" mb={4}>
            {t('dns.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('dns.description')}
          </Text>
        </div>
        {settings.dnsRecords.length === 0 ? (
          <Text size="sm">{t('dns.noDomain')}</Text>
        ) : (
          <>
            <Group gap="md" align="center">
              <Button onClick={() => check.mutate()} loading={check.isPending}>
                {t('dns.check')}
              </Button>
              {report ? (
                <Text size="sm" c="dimmed" aria-live="polite">
                  {t('dns.checked', {
                    time: format.time(report.checkedAt),
                    count: report.records.filter((r) => r.state === 'ok').length,
                    total: report.records.length,
                  })}
                </Text>
              ) : null}
            </Group>
            {checkError ? (
              <Alert color="red" variant="light" role="alert" title={t('dns.notChecked')}>
                <Text size="sm">{checkError}</Text>
              </Alert>
            ) : null}
            {settings.dnsRecords.map((record) => (
              <DnsRecordCard
                key={record.kind}
                record={record}
                check={report?.records.find((r) => r.kind === record.kind && r.name === record.name)}
              />
            ))}
          </>
        )}
      </Stack>
    </Card>
  );
}

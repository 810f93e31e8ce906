import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { formError } from '../../../shared/lib/field-error';
import { BROWSER, formatting } from '../../../shared/lib/format';
import { useCheckVendorDns, type SendingSettings } from '../hooks/use-sending-settings';
import { DnsRecordCard } from './dns-records';

/** The records to publish, each ready to copy, and the check of what the DNS answers for them. */
export function DnsPanel({ settings }: { settings: SendingSettings }) {
  const check = useCheckVendorDns();
  const report = check.data;
  const checkError = formError(check.error, []);

  return (
    <Card padding="lg" component="section" aria-labelledby="dns-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="dns-title" mb={4}>
            DNS records
          </Title>
          <Text size="sm" c="dimmed">
            Publish these TXT records at your DNS provider, then check them. DNS changes can take a while to be seen.
          </Text>
        </div>
        {settings.dnsRecords.length === 0 ? (
          <Text size="sm">Set a sending domain above: the records are for it.</Text>
        ) : (
          <>
            <Group gap="md" align="center">
              <Button onClick={() => check.mutate()} loading={check.isPending}>
                Check DNS
              </Button>
              {report ? (
                <Text size="sm" c="dimmed" aria-live="polite">
                  Checked at {formatting(BROWSER).time(report.checkedAt)}:{' '}
                  {report.records.filter((r) => r.state === 'ok').length} of {report.records.length} records as
                  expected.
                </Text>
              ) : null}
            </Group>
            {checkError ? (
              <Alert color="red" variant="light" role="alert" title="The DNS could not be checked">
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

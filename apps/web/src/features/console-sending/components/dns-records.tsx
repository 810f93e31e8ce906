import { Badge, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { RecordField } from '../../../shared/components/record-field';
import type { DnsCheck, DnsRecord } from '../hooks/use-sending-settings';

export const RECORD_TITLES: Record<DnsRecord['kind'], string> = { dkim: 'DKIM', spf: 'SPF', dmarc: 'DMARC' };

const STATES: Record<DnsCheck['state'], { color: string; label: string }> = {
  ok: { color: 'teal.9', label: 'OK' },
  missing: { color: 'red.9', label: 'Missing' },
  wrong: { color: 'orange.9', label: 'Wrong' },
  unresolved: { color: 'gray.8', label: 'Could not resolve' },
};

/** A record to publish, ready to copy, with what the last DNS check found for it. */
export function DnsRecordCard({ record, check }: { record: DnsRecord; check: DnsCheck | undefined }) {
  const title = RECORD_TITLES[record.kind];
  const state = check ? STATES[check.state] : undefined;
  return (
    <Card padding="md" component="article" aria-labelledby={`record-${record.kind}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4" id={`record-${record.kind}`}>
            {title} · {record.type}
          </Title>
          {state ? (
            <Badge color={state.color} variant="filled" size="lg">
              {state.label}
            </Badge>
          ) : null}
        </Group>
        <RecordField label="Name" value={record.name} what={`${title} record's name`} />
        <RecordField label="Value" value={record.value} what={`${title} record's value`} />
        <Text size="sm" c="dimmed">
          {record.explanation}
        </Text>
        {check ? <CheckResult check={check} /> : null}
      </Stack>
    </Card>
  );
}

function CheckResult({ check }: { check: DnsCheck }) {
  const state = STATES[check.state];
  return (
    <Stack
      gap={4}
      role="status"
      aria-label={`${RECORD_TITLES[check.kind]} check`}
      p="sm"
      style={{
        borderLeft: `4px solid var(--mantine-color-${state.color.replace('.', '-')})`,
        background: 'var(--mantine-color-gray-0)',
      }}
    >
      <Text size="sm">
        <strong>{state.label}:</strong> {check.message}
      </Text>
      {check.found.length && check.state !== 'ok' ? (
        <Stack gap={2}>
          <Text size="xs" fw={600}>
            Found in DNS
          </Text>
          {check.found.map((value) => (
            <Code key={value} block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {value}
            </Code>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

import { Badge, Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import type { DnsCheck, DnsRecord } from '../hooks/use-sending-settings';

export const RECORD_TITLES: Record<DnsRecord['kind'], string> = { dkim: 'DKIM', spf: 'SPF', dmarc: 'DMARC' };

const STATES: Record<DnsCheck['state'], { color: string; label: string }> = {
  ok: { color: 'teal.9', label: 'OK' },
  missing: { color: 'red.9', label: 'Missing' },
  wrong: { color: 'orange.9', label: 'Wrong' },
  unresolved: { color: 'gray.8', label: 'Could not resolve' },
};

function Copy({ value, what }: { value: string; what: string }) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Button
          variant={copied ? 'filled' : 'default'}
          color={copied ? 'teal.9' : undefined}
          onClick={copy}
          aria-label={copied ? `${what} copied` : `Copy the ${what}`}
          size="compact-sm"
          miw={72}
          mt={20}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      )}
    </CopyButton>
  );
}

/** One line of a record: its label, the text (wrapping anywhere: a key is one long word) and a copy button. */
function Field({ label, value, what }: { label: string; value: string; what: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="xs" fw={600} c="dimmed">
          {label}
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {value}
        </Code>
      </Stack>
      <Copy value={value} what={what} />
    </Group>
  );
}

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
        <Field label="Name" value={record.name} what={`${title} record's name`} />
        <Field label="Value" value={record.value} what={`${title} record's value`} />
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

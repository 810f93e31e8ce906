import { Badge, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { RecordField } from '../../../shared/components/record-field';
import { Trans, useTranslation } from '../../../shared/i18n';
import type { DnsCheck, DnsRecord } from '../hooks/use-sending-settings';

export const RECORD_TITLES: Record<DnsRecord['kind'], string> = { dkim: 'DKIM', spf: 'SPF', dmarc: 'DMARC' };

const STATE_COLORS: Record<DnsCheck['state'], string> = {
  ok: 'teal.9',
  missing: 'red.9',
  wrong: 'orange.9',
  unresolved: 'gray.8',
};

/** A check's state, its colour and its word in the reader's language. */
function useCheckStates(): (state: DnsCheck['state']) => { color: string; label: string } {
  const { t } = useTranslation('console-sending');
  return (state) => ({
    color: STATE_COLORS[state],
    label: {
      ok: t('check.ok'),
      missing: t('check.missing'),
      wrong: t('check.wrong'),
      unresolved: t('check.unresolved'),
    }[state],
  });
}

/** A record to publish, ready to copy, with what the last DNS check found for it. */
export function DnsRecordCard({ record, check }: { record: DnsRecord; check: DnsCheck | undefined }) {
  const { t } = useTranslation('console-sending');
  const states = useCheckStates();
  const title = RECORD_TITLES[record.kind];
  const state = check ? states(check.state) : undefined;
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
        <RecordField label={t('records.name')} value={record.name} what={t('records.nameOf', { kind: title })} />
        <RecordField label={t('records.value')} value={record.value} what={t('records.valueOf', { kind: title })} />
        <Text size="sm" c="dimmed">
          {record.explanation}
        </Text>
        {check ? <CheckResult check={check} /> : null}
      </Stack>
    </Card>
  );
}

function CheckResult({ check }: { check: DnsCheck }) {
  const { t } = useTranslation('console-sending');
  const state = useCheckStates()(check.state);
  return (
    <Stack
      gap={4}
      role="status"
      aria-label={t('check.label', { kind: RECORD_TITLES[check.kind] })}
      p="sm"
      style={{
        borderLeft: `4px solid var(--mantine-color-${state.color.replace('.', '-')})`,
        background: 'var(--mantine-color-gray-0)',
      }}
    >
      <Text size="sm">
        <Trans
          i18nKey="check.result"
          t={t}
          values={{ state: state.label, message: check.message }}
          components={{ strong: <strong /> }}
        />
      </Text>
      {check.found.length && check.state !== 'ok' ? (
        <Stack gap={2}>
          <Text size="xs" fw={600}>
            {t('check.found')}
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

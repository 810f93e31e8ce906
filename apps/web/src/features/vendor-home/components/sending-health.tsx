import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { Section } from '../../../shared/components/section';
import { useFormat, useTranslation } from '../../../shared/i18n';
import type { SendingHealth as Health } from '../hooks/use-vendor-home';

type DnsCheck = NonNullable<Health['dns']>['records'][number];

/** The records' usual names: product names, the same in every language. */
const RECORD_TITLES: Record<DnsCheck['kind'], string> = { dkim: 'DKIM', spf: 'SPF', dmarc: 'DMARC' };
const STATE_COLORS: Record<DnsCheck['state'], string> = {
  ok: 'teal.9',
  missing: 'red.9',
  wrong: 'orange.9',
  unresolved: 'gray.8',
};

/**
 * Whether the vendor's mail gets through: bounces and complaints of the period with their share
 * of what was sent, the SMTP server, DKIM key and sending domain, and each DNS record as the API
 * looked it up just now; the sending settings are where any of it is fixed.
 */
export function SendingHealth({ sending, days }: { sending: Health; days: number }) {
  const { t } = useTranslation('vendor-home');
  return (
    <Section
      id="home-sending"
      title={t('sending.title')}
      description={t('sending.description', { count: days })}
      more={{ to: '/console/sending', label: t('sending.settings') }}
    >
      {/* From 992 px the figures and the setup on the left, the DNS records they depend on on the right. */}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="sm">
            <RateTile label={t('sending.bounces')} value={sending.bounced} rate={sending.bounceRate} />
            <RateTile label={t('sending.complaints')} value={sending.complaints} rate={sending.complaintRate} />
          </SimpleGrid>
          <Setup sending={sending} />
        </Stack>
        <DnsRecords sending={sending} />
      </SimpleGrid>
    </Section>
  );
}

/** A count of the period and its share of the emails sent; no share when nothing was sent. */
function RateTile({ label, value, rate }: { label: string; value: number; rate: number | null }) {
  const { t } = useTranslation('vendor-home');
  const format = useFormat();
  return (
    // As tall as its neighbour, whose share may take two lines: the share keeps to the tile's foot.
    <Stack gap={4} p="sm" justify="space-between" className={classes.tile} role="group" aria-label={label}>
      <Stack gap={2}>
        <Text size="xs">{label}</Text>
        <Text fw={700} fz={26} lh={1.2}>
          {format.count(value)}
        </Text>
      </Stack>
      <Text size="xs" c="dimmed">
        {rate === null ? t('sending.nothingSent') : t('sending.ofSent', { rate: format.percent(rate) })}
      </Text>
    </Stack>
  );
}

/** The three things sending needs set, each with its state and, when missing, what it means. */
function Setup({ sending }: { sending: Health }) {
  const { t } = useTranslation('vendor-home');
  return (
    <Stack component="ul" gap={0} p={0} m={0} className={classes.panel} style={{ listStyle: 'none' }}>
      <SetupRow
        label={t('sending.smtp')}
        ok={sending.smtp}
        state={sending.smtp ? t('sending.set') : t('sending.notSet')}
        detail={sending.smtp ? undefined : t('sending.noSmtp')}
      />
      <SetupRow
        label={t('sending.dkim')}
        ok={sending.dkim}
        state={sending.dkim ? t('sending.signing') : t('sending.noKey')}
        detail={sending.dkim ? undefined : t('sending.noDkim')}
      />
      <SetupRow
        label={t('sending.domain')}
        ok={sending.sendingDomain !== null}
        state={sending.sendingDomain ? t('sending.set') : t('sending.notSet')}
        // The domain in full, never cut short in a badge: it is what the DNS records are for.
        detail={sending.sendingDomain ?? t('sending.noDomain')}
        last
      />
    </Stack>
  );
}

function SetupRow(props: { label: string; ok: boolean; state: string; detail?: ReactNode; last?: boolean }) {
  return (
    <Stack
      component="li"
      gap={2}
      px="sm"
      py={10}
      style={props.last ? undefined : { borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {props.label}
        </Text>
        <Badge
          color={props.ok ? 'teal.9' : 'gray.7'}
          variant={props.ok ? 'filled' : 'outline'}
          style={{ flexShrink: 0 }}
        >
          {props.state}
        </Badge>
      </Group>
      {props.detail ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {props.detail}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Each record the sending domain needs, as the API found it in DNS as the home was read. */
function DnsRecords({ sending }: { sending: Health }) {
  const { t } = useTranslation('vendor-home');
  const format = useFormat();
  const states: Record<DnsCheck['state'], string> = {
    ok: t('sending.dnsOk'),
    missing: t('sending.dnsMissing'),
    wrong: t('sending.dnsWrong'),
    unresolved: t('sending.dnsUnresolved'),
  };
  const { dns } = sending;
  return (
    <Stack component="section" aria-labelledby="home-dns" gap="xs" p="md" className={classes.panel}>
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={3} size="h4" id="home-dns">
          {t('sending.dnsTitle')}
        </Title>
        {dns ? (
          <Text size="xs" c="dimmed">
            {t('sending.dnsChecked', { time: format.dateTime(dns.checkedAt) })}
          </Text>
        ) : null}
      </Group>
      {!dns ? (
        <Text size="sm">{t('sending.dnsNoDomain')}</Text>
      ) : (
        <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
          {dns.records.map((record, i) => (
            <Stack
              component="li"
              key={`${record.kind}-${record.name}`}
              gap={2}
              py={8}
              style={i ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            >
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {RECORD_TITLES[record.kind]}
                </Text>
                <Badge color={STATE_COLORS[record.state]} variant="filled" style={{ flexShrink: 0 }}>
                  {states[record.state]}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {record.name}
              </Text>
              {record.state === 'ok' ? null : <Text size="sm">{record.message}</Text>}
            </Stack>
          ))}
        </Stack>
      )}
      {dns && dns.records.some((r) => r.state !== 'ok') ? (
        <Anchor component={Link} to="/console/sending" size="sm">
          {t('sending.fixRecords')}
        </Anchor>
      ) : null}
    </Stack>
  );
}

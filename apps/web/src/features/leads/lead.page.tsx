import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { Trans, useFormat, useTranslation } from '../../shared/i18n';
import { LeadStatusBadge } from './components/lead-status-badge';
import { LeadStatusForm } from './components/lead-status-form';
import { personOf } from './components/leads-list';
import { useConsentHistory, useLead, useLeadProspect, type ConsentRecord, type Lead } from './hooks/use-leads';
import { LoadingBlock } from '../../shared/components/list-states';

export function LeadPage() {
  const { leadId = '' } = useParams();
  return <PortalGate>{() => <LeadDetail id={leadId} />}</PortalGate>;
}

/** A lead: the prospect, the form's answers, the consent evidence, where it came from, and its status. */
function LeadDetail({ id }: { id: string }) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  const lead = useLead(id);
  if (lead.isError) return <QueryError error={lead.error} retry={() => void lead.refetch()} />;
  if (lead.isPending) return <LoadingBlock height={240} label={t('lead.loading')} />;
  const l = lead.data;
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans
          i18nKey="lead.breadcrumb"
          t={t}
          values={{ person: personOf(l) }}
          components={{ all: <Link to="/portal/leads" /> }}
        />
      </Text>
      <Group justify="space-between" align="flex-start">
        <PageHeader title={personOf(l)} description={t('lead.received', { date: format.dateTime(l.createdAt) })} />
        <LeadStatusBadge status={l.status} />
      </Group>
      {l.status === 'rejected' && l.statusReason ? (
        <Text>{t('lead.rejectedBecause', { reason: l.statusReason })}</Text>
      ) : null}
      <Section title={t('lead.status')}>
        <LeadStatusForm lead={l} />
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('lead.prospect')}>
          <ProspectFields lead={l} />
        </Section>
        <Section title={t('lead.answers')}>
          <Pairs rows={l.answers.map((a) => [a.label, a.value])} empty={t('lead.noAnswers')} />
        </Section>
      </SimpleGrid>
      <Section title={t('lead.origin')}>
        <Pairs
          rows={[
            [
              t('lead.campaign'),
              <Trans
                key="campaign"
                i18nKey="lead.openCampaign"
                t={t}
                values={{ version: l.campaignVersion }}
                components={{ campaign: <Link to={`/portal/campaigns/${l.campaignId}`} /> }}
              />,
            ],
            [t('lead.email'), l.sendId ? t('lead.fromSend', { send: l.sendId }) : t('lead.direct')],
          ]}
          empty=""
        />
      </Section>
      <Section title={t('lead.consent')}>
        <ConsentHistory lead={l} />
      </Section>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card padding="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** Label and value pairs, wrapping long values (addresses, user agents) instead of widening the page. */
function Pairs({ rows, empty }: { rows: Array<[string, ReactNode]>; empty: string }) {
  if (rows.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Stack gap={6} component="dl" m={0}>
      {rows.map(([label, value]) => (
        <Group key={label} gap="xs" align="baseline" wrap="nowrap">
          <Text component="dt" size="sm" fw={600} miw={110} style={{ flexShrink: 0 }}>
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function ProspectFields({ lead }: { lead: Lead }) {
  const { t } = useTranslation('leads');
  const prospect = useLeadProspect(lead.partnerId, lead.prospectId);
  if (prospect.isError) return <Text size="sm">{prospect.error.message}</Text>;
  if (prospect.isPending) return <Skeleton height={120} />;
  const p = prospect.data;
  const rows: Array<[string, ReactNode]> = [
    [t('prospect.email'), p.email],
    [t('prospect.firstName'), p.firstName ?? '—'],
    [t('prospect.lastName'), p.lastName ?? '—'],
    [t('prospect.company'), p.company ?? '—'],
    [t('prospect.title'), p.title ?? '—'],
    [t('prospect.country'), p.country ?? '—'],
    [t('prospect.timeZone'), p.timezone ?? '—'],
    ...Object.entries(p.custom),
  ];
  return (
    <Stack gap="xs">
      <Pairs rows={rows} empty="" />
      <Text size="sm">
        <Link to={`/portal/audience/prospects/${p.id}`}>{t('prospect.open')}</Link>
      </Text>
    </Stack>
  );
}

function ConsentHistory({ lead }: { lead: Lead }) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  const consent = useConsentHistory(lead.partnerId, lead.prospectId);
  if (consent.isError) return <Text size="sm">{consent.error.message}</Text>;
  if (consent.isPending) return <Skeleton height={80} />;
  if (consent.data.items.length === 0) return <Text size="sm">{t('consent.none')}</Text>;
  return (
    <Stack gap="md">
      {consent.data.items.map((c) => (
        <Stack
          key={c.id}
          gap={4}
          component="article"
          aria-label={
            c.granted
              ? t('consent.givenAt', { date: format.dateTime(c.occurredAt) })
              : t('consent.withdrawnAt', { date: format.dateTime(c.occurredAt) })
          }
        >
          <Group gap="xs">
            <Badge color={c.granted ? 'teal.9' : 'red.9'} variant="filled">
              {c.granted ? t('consent.given') : t('consent.withdrawn')}
            </Badge>
            <Text size="sm" fw={600}>
              {t('consent.atBy', { date: format.dateTime(c.occurredAt), source: c.source })}
            </Text>
          </Group>
          <Pairs
            rows={evidenceOf(c, {
              wording: t('consent.wording'),
              version: t('consent.version'),
              page: t('consent.page'),
              ip: t('consent.ip'),
              userAgent: t('consent.userAgent'),
            })}
            empty=""
          />
        </Stack>
      ))}
    </Stack>
  );
}

/** What a piece of consent evidence recorded (an import has no page, IP address nor user agent). */
function evidenceOf(
  c: ConsentRecord,
  names: Record<'wording' | 'version' | 'page' | 'ip' | 'userAgent', string>,
): Array<[string, string]> {
  const all: Array<[string, string | null]> = [
    [names.wording, c.wording],
    [names.version, c.wordingVersion],
    [names.page, c.page],
    [names.ip, c.ip],
    [names.userAgent, c.userAgent],
  ];
  return all.filter((r): r is [string, string] => r[1] !== null);
}

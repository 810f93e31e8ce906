import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { format } from '../../shared/lib/format';
import { LeadStatusBadge } from './components/lead-status-badge';
import { LeadStatusForm } from './components/lead-status-form';
import { personOf } from './components/leads-list';
import { useConsentHistory, useLead, useLeadProspect, type ConsentRecord, type Lead } from './hooks/use-leads';

export function LeadPage() {
  const { leadId = '' } = useParams();
  return <PortalGate>{() => <LeadDetail id={leadId} />}</PortalGate>;
}

/** A lead: the prospect, the form's answers, the consent evidence, where it came from, and its status. */
function LeadDetail({ id }: { id: string }) {
  const lead = useLead(id);
  if (lead.isError) return <QueryError error={lead.error} retry={() => void lead.refetch()} />;
  if (lead.isPending) return <Skeleton height={240} aria-label="Loading the lead" />;
  const l = lead.data;
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Link to="/portal/leads">All leads</Link> / {personOf(l)}
      </Text>
      <Group justify="space-between" align="flex-start">
        <PageHeader title={personOf(l)} description={`Lead received ${format.dateTime(l.createdAt)}`} />
        <LeadStatusBadge status={l.status} />
      </Group>
      {l.status === 'rejected' && l.statusReason ? <Text>Rejected: {l.statusReason}</Text> : null}
      <Section title="Status">
        <LeadStatusForm lead={l} />
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title="Prospect">
          <ProspectFields lead={l} />
        </Section>
        <Section title="Form answers">
          <Pairs rows={l.answers.map((a) => [a.label, a.value])} empty="The form sent no answers." />
        </Section>
      </SimpleGrid>
      <Section title="Where it came from">
        <Pairs
          rows={[
            [
              'Campaign',
              <>
                <Link to={`/portal/campaigns/${l.campaignId}`}>Open the campaign</Link> (version {l.campaignVersion})
              </>,
            ],
            [
              'Email',
              l.sendId
                ? `Send ${l.sendId}: the prospect followed a link in this email`
                : 'None: the prospect came to the page directly',
            ],
          ]}
          empty=""
        />
      </Section>
      <Section title="Consent evidence">
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
  const prospect = useLeadProspect(lead.partnerId, lead.prospectId);
  if (prospect.isError) return <Text size="sm">{prospect.error.message}</Text>;
  if (prospect.isPending) return <Skeleton height={120} />;
  const p = prospect.data;
  const rows: Array<[string, ReactNode]> = [
    ['Email', p.email],
    ['First name', p.firstName ?? '—'],
    ['Last name', p.lastName ?? '—'],
    ['Company', p.company ?? '—'],
    ['Title', p.title ?? '—'],
    ['Country', p.country ?? '—'],
    ['Time zone', p.timezone ?? '—'],
    ...Object.entries(p.custom),
  ];
  return (
    <Stack gap="xs">
      <Pairs rows={rows} empty="" />
      <Text size="sm">
        <Link to={`/portal/audience/prospects/${p.id}`}>Open the prospect in your audience</Link>
      </Text>
    </Stack>
  );
}

function ConsentHistory({ lead }: { lead: Lead }) {
  const consent = useConsentHistory(lead.partnerId, lead.prospectId);
  if (consent.isError) return <Text size="sm">{consent.error.message}</Text>;
  if (consent.isPending) return <Skeleton height={80} />;
  if (consent.data.items.length === 0) return <Text size="sm">No consent is recorded for this prospect.</Text>;
  return (
    <Stack gap="md">
      {consent.data.items.map((c) => (
        <Stack
          key={c.id}
          gap={4}
          component="article"
          aria-label={`${c.granted ? 'Consent given' : 'Consent withdrawn'} ${format.dateTime(c.occurredAt)}`}
        >
          <Group gap="xs">
            <Badge color={c.granted ? 'teal.9' : 'red.9'} variant="filled">
              {c.granted ? 'Given' : 'Withdrawn'}
            </Badge>
            <Text size="sm" fw={600}>
              {format.dateTime(c.occurredAt)}, by {c.source}
            </Text>
          </Group>
          <Pairs rows={evidenceOf(c)} empty="" />
        </Stack>
      ))}
    </Stack>
  );
}

/** What a piece of consent evidence recorded (an import has no page, IP address nor user agent). */
function evidenceOf(c: ConsentRecord): Array<[string, string]> {
  const all: Array<[string, string | null]> = [
    ['Wording', c.wording],
    ['Version', c.wordingVersion],
    ['Page', c.page],
    ['IP address', c.ip],
    ['User agent', c.userAgent],
  ];
  return all.filter((r): r is [string, string] => r[1] !== null);
}

import { Button, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { useTranslation } from '../../shared/i18n';
import { Checklist } from './components/checklist';
import { NewLeads } from './components/new-leads';
import { PendingLaunches } from './components/pending-launches';
import { ReadyToLaunch } from './components/ready-to-launch';
import { Revenue } from './components/revenue';
import { RunningLaunches } from './components/running-launches';
import { usePartnerHome } from './hooks/use-partner-home';
import { hasSomething } from './sections';

export function PartnerHomePage() {
  return <PortalGate>{(partnerId) => <PartnerHome partnerId={partnerId} />}</PortalGate>;
}

/** What the partner should do next: each section only when it has something, each item one click from its action. */
function PartnerHome({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('partner-home');
  const home = usePartnerHome(partnerId);
  return (
    <Stack gap="xl">
      <PageHeader title={t('title')} description={t('description')} />
      {home.isError ? (
        <QueryError error={home.error} retry={() => void home.refetch()} />
      ) : home.isPending ? (
        <HomeSkeleton label={t('loading')} />
      ) : !hasSomething(home.data) ? (
        <Stack gap="xs" align="flex-start" p="lg" className={classes.panel}>
          <Title order={2} size="h3">
            {t('empty.title')}
          </Title>
          <Text>{t('empty.text')}</Text>
          <Button component={Link} to="/portal/programmes" variant="light">
            {t('empty.programmes')}
          </Button>
        </Stack>
      ) : (
        <>
          {home.data.checklist.complete ? null : <Checklist checklist={home.data.checklist} />}
          {home.data.pendingLaunches.length ? (
            <PendingLaunches items={home.data.pendingLaunches} total={home.data.pendingLaunchesTotal} />
          ) : null}
          {home.data.readyToLaunch.length ? (
            <ReadyToLaunch items={home.data.readyToLaunch} total={home.data.readyToLaunchTotal} />
          ) : null}
          {home.data.runningLaunches.length ? (
            <RunningLaunches items={home.data.runningLaunches} total={home.data.runningLaunchesTotal} />
          ) : null}
          {home.data.newLeads.count ? <NewLeads leads={home.data.newLeads} /> : null}
        </>
      )}
      {home.isSuccess ? <Revenue /> : null}
    </Stack>
  );
}

/** The sections' shapes while the home loads: never a 0 or an empty state before the answer. */
function HomeSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="lg" aria-busy="true" aria-label={label}>
      <Skeleton height={28} width={240} />
      <Skeleton height={120} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} height={220} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

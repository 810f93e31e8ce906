import { Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState, LoadingRows } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { Trans, useTranslation } from '../../shared/i18n';
import { ClaimHostNameForm } from './components/claim-host-name-form';
import { HostNameCard } from './components/host-name-card';
import { useHostNames } from './hooks/use-host-names';

/** Vendor admins: the host names their partner portal is served at, each proven by a DNS TXT record. */
export function HostNamesPage() {
  const { t } = useTranslation('vendor-hosts');
  const hostNames = useHostNames();
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans i18nKey="page.breadcrumb" t={t} components={{ console: <Link to="/console" /> }} />
      </Text>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <ClaimHostNameForm />
      <Stack component="section" aria-labelledby="host-names-title" gap="sm">
        <Title order={2} size="h3" id="host-names-title">
          {t('page.yours')}
        </Title>
        {hostNames.isError ? (
          <QueryError error={hostNames.error} retry={() => void hostNames.refetch()} />
        ) : hostNames.isPending ? (
          <LoadingRows label={t('page.loading')} height={120} />
        ) : hostNames.data.items.length === 0 ? (
          <EmptyState order={3} title={t('page.empty')} text={t('page.emptyText')} />
        ) : (
          hostNames.data.items.map((h) => <HostNameCard key={h.id} hostName={h} />)
        )}
      </Stack>
    </Stack>
  );
}

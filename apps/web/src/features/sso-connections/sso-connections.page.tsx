import { Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, LoadingRows } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { Trans, useTranslation } from '../../shared/i18n';
import { AddSsoConnectionForm } from './components/add-sso-connection-form';
import { ScimPanel } from './components/scim-panel';
import { SsoConnectionCard } from './components/sso-connection-card';
import { SsoRequirementPanel } from './components/sso-requirement-panel';
import { SsoTestResultPanel } from './components/sso-test-result';
import { useSsoConnections } from './hooks/use-sso-connections';

/** Vendor admins: the OpenID providers their users, or their partners' users, sign in with. */
export function SsoConnectionsPage() {
  const { t } = useTranslation('sso-connections');
  const connections = useSsoConnections();
  // A test sign-in comes back here with its result's id.
  const [params, setParams] = useSearchParams();
  const tested = params.get('tested');
  const resultId = params.get('result');
  const testedName = connections.data?.items.find((c) => c.id === tested)?.name ?? '';
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans i18nKey="page.breadcrumb" t={t} components={{ console: <Link to="/console" /> }} />
      </Text>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      {tested && resultId ? (
        <SsoTestResultPanel
          connectionId={tested}
          connectionName={testedName}
          resultId={resultId}
          onClose={() => setParams({}, { replace: true })}
        />
      ) : null}
      <Stack component="section" aria-labelledby="sso-connections-title" gap="sm">
        <Title order={2} size="h3" id="sso-connections-title">
          {t('page.yours')}
        </Title>
        {connections.isError ? (
          <QueryError error={connections.error} retry={() => void connections.refetch()} />
        ) : connections.isPending ? (
          <LoadingRows label={t('page.loading')} height={160} />
        ) : connections.data.items.length === 0 ? (
          <EmptyState order={3} title={t('page.empty')} text={t('page.emptyText')} />
        ) : (
          connections.data.items.map((c) => <SsoConnectionCard key={c.id} connection={c} />)
        )}
      </Stack>
      <AddSsoConnectionForm />
      <SsoRequirementPanel />
      <ScimPanel />
    </Stack>
  );
}

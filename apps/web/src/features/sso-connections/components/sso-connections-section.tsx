import { Stack, Title } from '@mantine/core';
import { EmptyState, LoadingRows } from '../../../shared/components/list-states';
import { QueryError } from '../../../shared/components/query-error';
import { useTranslation } from '../../../shared/i18n';
import { useSsoConnections } from '../hooks/use-sso-connections';
import type { SsoOwner } from './email-domains-section';
import { SsoConnectionCard } from './sso-connection-card';

/** The company's own connections, one card each. */
export function SsoConnectionsSection({ owner }: { owner: SsoOwner }) {
  const { t } = useTranslation('sso-connections');
  const connections = useSsoConnections();
  return (
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
        connections.data.items.map((c) => <SsoConnectionCard key={c.id} connection={c} owner={owner} />)
      )}
    </Stack>
  );
}

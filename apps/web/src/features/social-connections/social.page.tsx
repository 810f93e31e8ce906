import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { useFormat, useTranslation } from '../../shared/i18n';
import { type SocialConnection, useSocialConnections } from '../../shared/hooks/use-social-connections';
import {
  type SocialNetwork,
  useDisconnectSocialConnection,
  useStartSocialConnection,
} from './hooks/use-social-connections';
import { LoadingBlock } from '../../shared/components/list-states';

const NETWORKS: Array<{ network: SocialNetwork; name: string }> = [
  { network: 'linkedin', name: 'LinkedIn' },
  { network: 'x', name: 'X' },
  { network: 'facebook', name: 'Facebook' },
];
const nameOf = (network: string) => NETWORKS.find((n) => n.network === network)?.name ?? network;

const STATUS_COLOR: Record<SocialConnection['status'], string> = {
  active: 'teal.9',
  expiring: 'yellow.9',
  broken: 'red.9',
  revoked: 'gray.8',
};

/** Light alerts' titles in dark text: the tinted title colours fall short of AA contrast. */
const DARK_TITLE = { title: { color: 'var(--mantine-color-dark-8)' } };

export function SocialPage() {
  return <PortalGate>{() => <Social />}</PortalGate>;
}

/** The partner's social accounts: connect one (through the network's own page), see each one's health, disconnect. */
function Social() {
  const { t } = useTranslation('social-connections');
  const { dateTime: when } = useFormat();
  const [params] = useSearchParams();
  const connections = useSocialConnections();
  const start = useStartSocialConnection();
  const disconnect = useDisconnectSocialConnection();
  const connected = params.get('connected');
  const error = params.get('error');

  /** What the callback's redirect says, in words (the API names the outcome; the page only words it). */
  const outcome = (code: string): string => {
    switch (code) {
      case 'invalid_state':
        return t('outcome.invalidState');
      case 'denied':
        return t('outcome.denied');
      case 'exchange_failed':
        return t('outcome.exchangeFailed');
      case 'unknown_network':
        return t('outcome.unknownNetwork');
      default:
        return t('outcome.notMade');
    }
  };
  const statusLabel = (status: SocialConnection['status']): string => {
    switch (status) {
      case 'active':
        return t('status.active');
      case 'expiring':
        return t('status.expiring');
      case 'broken':
        return t('status.broken');
      case 'revoked':
        return t('status.revoked');
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} description={t('description')} />
      {connected ? (
        <Alert
          color="teal"
          variant="light"
          styles={DARK_TITLE}
          title={t('connected.title', { network: nameOf(connected) })}
          role="status"
        >
          {t('connected.text')}
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" title={t('outcome.title')} role="alert">
          {outcome(error)}
        </Alert>
      ) : null}
      {disconnect.data ? (
        <Alert
          color={disconnect.data.revocation === 'failed' ? 'yellow' : 'teal'}
          variant="light"
          styles={DARK_TITLE}
          title={disconnect.data.revocation === 'removed' ? t('disconnected.removed') : t('disconnected.disconnected')}
          role="status"
        >
          {disconnect.data.message}
        </Alert>
      ) : null}
      {disconnect.error ? (
        <Alert color="red" variant="light" title={t('disconnected.failed')} role="alert">
          {disconnect.error.message}
        </Alert>
      ) : null}
      {start.error ? (
        <Alert color="red" variant="light" title={t('connect.failed')} role="alert">
          {start.error.message}
          {start.error instanceof ApiError ? start.error.problems.map((p) => ` ${p.message}`).join('') : null}
        </Alert>
      ) : null}
      <Group gap="sm">
        {NETWORKS.map(({ network, name }) => (
          <Button
            key={network}
            onClick={() => start.mutate(network)}
            loading={start.isPending && start.variables === network}
            disabled={start.isPending}
          >
            {t('connect.button', { network: name })}
          </Button>
        ))}
      </Group>
      <Stack gap="sm" component="section" aria-labelledby="connected-accounts">
        <Title order={2} size="h3" id="connected-accounts">
          {t('accounts.title')}
        </Title>
        {connections.isPending ? (
          <LoadingBlock height={80} label={t('accounts.loading')} />
        ) : connections.isError ? (
          <QueryError error={connections.error} retry={() => void connections.refetch()} />
        ) : connections.data.items.length === 0 ? (
          <Text c="dimmed">{t('accounts.none')}</Text>
        ) : (
          connections.data.items.map((c) => (
            <Card
              key={c.id}
              padding="md"
              component="article"
              aria-label={t('account.label', { network: nameOf(c.network), account: c.accountName })}
            >
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{nameOf(c.network)}</Text>
                    <Text>{c.accountName}</Text>
                    <Badge color={STATUS_COLOR[c.status]} variant="filled">
                      {statusLabel(c.status)}
                    </Badge>
                  </Group>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => disconnect.mutate(c.id)}
                    loading={disconnect.isPending && disconnect.variables === c.id}
                    aria-label={
                      c.status === 'revoked'
                        ? t('account.removeLabel', { account: c.accountName, network: nameOf(c.network) })
                        : t('account.disconnectLabel', { account: c.accountName, network: nameOf(c.network) })
                    }
                  >
                    {c.status === 'revoked' ? t('account.remove') : t('account.disconnect')}
                  </Button>
                </Group>
                {c.status === 'revoked' ? (
                  <Stack gap={4}>
                    <Text size="sm">
                      {c.revokedAt ? t('account.disconnectedAt', { when: when(c.revokedAt) }) : t('account.postsFail')}
                    </Text>
                    {c.lastError ? <Text size="sm">{c.lastError}</Text> : null}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {!c.expiresAt
                      ? t('account.noExpiry')
                      : c.status === 'broken'
                        ? t('account.accessEnds', { when: when(c.expiresAt) })
                        : t('account.accessRenewed', { when: when(c.expiresAt) })}
                  </Text>
                )}
                {c.status === 'broken' ? (
                  <Alert color="red" variant="light" title={t('account.brokenTitle')}>
                    {t('account.brokenText')} {c.lastError ?? ''}
                  </Alert>
                ) : c.status === 'expiring' ? (
                  <Alert color="yellow" variant="light" styles={DARK_TITLE} title={t('account.expiringTitle')}>
                    {c.network === 'linkedin' || c.network === 'x'
                      ? t('account.cannotRenew')
                      : t('account.connectBefore')}{' '}
                    {c.lastError ?? ''}
                  </Alert>
                ) : null}
              </Stack>
            </Card>
          ))
        )}
      </Stack>
    </Stack>
  );
}

import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { BROWSER, formatting } from '../../shared/lib/format';
import {
  type SocialConnection,
  type SocialNetwork,
  useDisconnectSocialConnection,
  useSocialConnections,
  useStartSocialConnection,
} from './hooks/use-social-connections';

const NETWORKS: Array<{ network: SocialNetwork; name: string }> = [
  { network: 'linkedin', name: 'LinkedIn' },
  { network: 'x', name: 'X' },
  { network: 'facebook', name: 'Facebook' },
];
const nameOf = (network: string) => NETWORKS.find((n) => n.network === network)?.name ?? network;

/** What the callback's redirect says, in words (the API names the outcome; the page only words it). */
const OUTCOMES: Record<string, string> = {
  invalid_state: 'The connection was not made: the authorization link had expired or was already used. Start again.',
  denied: 'The connection was not made: the authorization was refused on the network.',
  exchange_failed: 'The connection was not made: the network did not confirm the authorization. Try again in a moment.',
  unknown_network: 'The connection was not made: unknown network.',
};

const STATUS: Record<SocialConnection['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal.9' },
  expiring: { label: 'Expiring', color: 'yellow.9' },
  broken: { label: 'Broken', color: 'red.9' },
  revoked: { label: 'Disconnected', color: 'gray.8' },
};

/** Light alerts' titles in dark text: the tinted title colours fall short of AA contrast. */
const DARK_TITLE = { title: { color: 'var(--mantine-color-dark-8)' } };

/** In the browser's own locale and zone. */
const when = formatting(BROWSER).dateTime;

export function SocialPage() {
  return <PortalGate>{() => <Social />}</PortalGate>;
}

/** The partner's social accounts: connect one (through the network's own page), see each one's health, disconnect. */
function Social() {
  const [params] = useSearchParams();
  const connections = useSocialConnections();
  const start = useStartSocialConnection();
  const disconnect = useDisconnectSocialConnection();
  const connected = params.get('connected');
  const error = params.get('error');

  return (
    <Stack gap="lg">
      <PageHeader
        title="Social accounts"
        description="The accounts your campaigns' social posts are published to. Connecting one takes you to the network to approve it: LinkedIn also connects the company pages you administer, Facebook each page you manage. Disconnect the accounts you do not want posts on."
      />
      {connected ? (
        <Alert color="teal" variant="light" styles={DARK_TITLE} title={`${nameOf(connected)} connected`} role="status">
          Posts can now be published to it.
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" title="Not connected" role="alert">
          {OUTCOMES[error] ?? 'The connection was not made.'}
        </Alert>
      ) : null}
      {disconnect.data ? (
        <Alert
          color={disconnect.data.revocation === 'failed' ? 'yellow' : 'teal'}
          variant="light"
          styles={DARK_TITLE}
          title={disconnect.data.revocation === 'removed' ? 'Removed' : 'Disconnected'}
          role="status"
        >
          {disconnect.data.message}
        </Alert>
      ) : null}
      {disconnect.error ? (
        <Alert color="red" variant="light" title="Could not disconnect" role="alert">
          {disconnect.error.message}
        </Alert>
      ) : null}
      {start.error ? (
        <Alert color="red" variant="light" title="Could not start" role="alert">
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
            Connect {name}
          </Button>
        ))}
      </Group>
      <Stack gap="sm" component="section" aria-labelledby="connected-accounts">
        <Title order={2} size="h3" id="connected-accounts">
          Connected accounts
        </Title>
        {connections.isPending ? (
          <Skeleton height={80} aria-label="Loading the connected accounts" />
        ) : connections.isError ? (
          <QueryError error={connections.error} retry={() => void connections.refetch()} />
        ) : connections.data.items.length === 0 ? (
          <Text c="dimmed">No account connected yet.</Text>
        ) : (
          connections.data.items.map((c) => (
            <Card key={c.id} padding="md" component="article" aria-label={`${nameOf(c.network)}: ${c.accountName}`}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{nameOf(c.network)}</Text>
                    <Text>{c.accountName}</Text>
                    <Badge color={STATUS[c.status].color} variant="filled">
                      {STATUS[c.status].label}
                    </Badge>
                  </Group>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => disconnect.mutate(c.id)}
                    loading={disconnect.isPending && disconnect.variables === c.id}
                    aria-label={`${c.status === 'revoked' ? 'Remove' : 'Disconnect'} ${c.accountName} on ${nameOf(c.network)}`}
                  >
                    {c.status === 'revoked' ? 'Remove' : 'Disconnect'}
                  </Button>
                </Group>
                {c.status === 'revoked' ? (
                  <Stack gap={4}>
                    <Text size="sm">{`${c.revokedAt ? `Disconnected ${when(c.revokedAt)}: p` : 'P'}osts due on it fail until you connect it again.`}</Text>
                    {c.lastError ? <Text size="sm">{c.lastError}</Text> : null}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {c.expiresAt
                      ? `Access ${c.status === 'broken' ? 'ended or ends' : 'renewed automatically; current access ends'} ${when(c.expiresAt)}`
                      : 'Access does not expire'}
                  </Text>
                )}
                {c.status === 'broken' ? (
                  <Alert color="red" variant="light" title="Not working: connect it again">
                    Posts to this account wait until it is connected again. {c.lastError ?? ''}
                  </Alert>
                ) : c.status === 'expiring' ? (
                  <Alert color="yellow" variant="light" styles={DARK_TITLE} title="Expires soon: connect it again">
                    {c.network === 'linkedin' || c.network === 'x'
                      ? 'The network does not let the engine renew this access without you.'
                      : 'Connect it again before then.'}{' '}
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

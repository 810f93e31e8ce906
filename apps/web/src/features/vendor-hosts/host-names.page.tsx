import { Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState, LoadingRows } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { ClaimHostNameForm } from './components/claim-host-name-form';
import { HostNameCard } from './components/host-name-card';
import { useHostNames } from './hooks/use-host-names';

/** Vendor admins: the host names their partner portal is served at, each proven by a DNS TXT record. */
export function HostNamesPage() {
  const hostNames = useHostNames();
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Link to="/console">Vendor console</Link> / Host names
      </Text>
      <PageHeader
        title="Host names"
        description="Serve your partner portal at your own address. On a verified host name the sign-in page is yours and only your users can sign in; the engine’s own address keeps working for everyone."
      />
      <ClaimHostNameForm />
      <Stack component="section" aria-labelledby="host-names-title" gap="sm">
        <Title order={2} size="h3" id="host-names-title">
          Your host names
        </Title>
        {hostNames.isError ? (
          <QueryError error={hostNames.error} retry={() => void hostNames.refetch()} />
        ) : hostNames.isPending ? (
          <LoadingRows label="Loading the host names" height={120} />
        ) : hostNames.data.items.length === 0 ? (
          <EmptyState
            order={3}
            title="No host name yet"
            text="Claim one above, publish its TXT record at your DNS provider, then check it here."
          />
        ) : (
          hostNames.data.items.map((h) => <HostNameCard key={h.id} hostName={h} />)
        )}
      </Stack>
    </Stack>
  );
}

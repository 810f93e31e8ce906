import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../shared/page-header';
import { useMe } from '../../session/hooks/use-me';
import { useSession } from '../../session/hooks/use-session';
import { useConcierge } from '../hooks/use-concierge';

/** The console is the vendor's: a partner's user (or a vendor user acting for a partner) is told so, never shown a broken page. */
export function ConsoleGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const session = useSession();
  const concierge = useConcierge();
  if (me.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading the console">
        <Skeleton height={32} width={240} />
        <Skeleton height={16} width="50%" />
      </Stack>
    );
  }
  if (me.isError) {
    return (
      <Alert color="red" variant="light" title="The engine did not answer">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{me.error.message}</Text>
          <Button size="xs" variant="default" onClick={() => void me.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (me.data?.role === 'vendor_admin' || me.data?.role === 'vendor_marketer') return <>{children}</>;
  const acting = !!session.data?.actingForPartnerId;
  return (
    <Stack gap="lg" maw={640}>
      <PageHeader title="Vendor console" description="Author, publish and watch your co-branded campaigns." />
      <Text>
        {acting
          ? 'You are acting for a partner in this tab: stop to use the console as yourself.'
          : me.data
            ? 'The console is your vendor’s: your partner account opens the partner portal instead.'
            : 'Sign in with your vendor account to author and publish campaigns.'}
      </Text>
      <div>
        {acting ? (
          <Button onClick={() => void concierge.stop('/console')}>Stop acting for the partner</Button>
        ) : me.data ? (
          <Button component={Link} to="/portal">
            Open the partner portal
          </Button>
        ) : (
          <Button component={Link} to="/sign-in">
            Sign in
          </Button>
        )}
      </div>
    </Stack>
  );
}

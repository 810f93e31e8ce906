import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../shared/page-header';
import { useMe } from '../../session/hooks/use-me';

/** The portal's pages are a partner's: this asks who is signed in and hands the partner id on. */
export function PortalGate({ children }: { children: (partnerId: string) => ReactNode }) {
  const me = useMe();
  if (me.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading the portal">
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
  if (!me.data?.partnerId) {
    return (
      <Stack gap="lg" maw={640}>
        <PageHeader title="Partner portal" description="Launch your vendors' campaigns with your own brand." />
        <Text>{me.data ? 'The portal shows a partner’s campaigns: sign in with a partner account to use it.' : 'Sign in with your partner account to see the campaigns you can launch.'}</Text>
        <div>
          <Button component={Link} to="/sign-in">
            Sign in
          </Button>
        </div>
      </Stack>
    );
  }
  return <>{children(me.data.partnerId)}</>;
}

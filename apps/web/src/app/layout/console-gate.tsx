import { Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MeGate } from '../../shared/components/me-gate';
import { SignInFirst } from '../../shared/components/sign-in-first';
import { PageHeader } from '../../shared/components/page-header';
import { useConcierge } from '../../shared/hooks/use-concierge';
import { useSession } from '../../shared/hooks/use-session';

/**
 * The console is the vendor's: a partner's user (or a vendor user acting for a partner) is told
 * so, never shown a broken page; nobody signed in is sent to sign in first, and brought back.
 */
export function ConsoleGate({ children }: { children: ReactNode }) {
  return (
    <MeGate label="Loading the console">
      {(me) =>
        !me ? (
          <SignInFirst />
        ) : me.role === 'vendor_admin' || me.role === 'vendor_marketer' ? (
          children
        ) : (
          <NotTheConsole />
        )
      }
    </MeGate>
  );
}

function NotTheConsole() {
  const session = useSession();
  const concierge = useConcierge();
  const acting = !!session.data?.actingForPartnerId;
  return (
    <Stack gap="lg" maw={640}>
      <PageHeader title="Vendor console" description="Author, publish and watch your co-branded campaigns." />
      <Text>
        {acting
          ? 'You are acting for a partner in this tab: stop to use the console as yourself.'
          : 'The console is your vendor’s: your partner account opens the partner portal instead.'}
      </Text>
      <div>
        {acting ? (
          <Button onClick={() => void concierge.stop('/console')}>Stop acting for the partner</Button>
        ) : (
          <Button component={Link} to="/portal">
            Open the partner portal
          </Button>
        )}
      </div>
    </Stack>
  );
}

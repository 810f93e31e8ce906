import { Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MeGate } from './me-gate';
import { PageHeader } from './page-header';
import { SignInFirst } from './sign-in-first';

/**
 * The portal's pages are a partner's: this asks who is signed in and hands the partner id on;
 * nobody signed in is sent to sign in first, and brought back.
 */
export function PortalGate({ children }: { children: (partnerId: string) => ReactNode }) {
  return (
    <MeGate label="Loading the portal">
      {(me) =>
        !me ? (
          <SignInFirst />
        ) : me.partnerId ? (
          children(me.partnerId)
        ) : (
          <Stack gap="lg" maw={640}>
            <PageHeader title="Partner portal" description="Launch your vendors' campaigns with your own brand." />
            <Text>The portal shows a partner’s campaigns: sign in with a partner account to use it.</Text>
            <div>
              <Button component={Link} to="/sign-in">
                Sign in
              </Button>
            </div>
          </Stack>
        )
      }
    </MeGate>
  );
}

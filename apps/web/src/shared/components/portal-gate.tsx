import { Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../i18n';
import { MeGate } from './me-gate';
import { PageHeader } from './page-header';
import { SignInFirst } from './sign-in-first';

/**
 * The portal's pages are a partner's: this asks who is signed in and hands the partner id on;
 * nobody signed in is sent to sign in first, and brought back.
 */
export function PortalGate({ children }: { children: (partnerId: string) => ReactNode }) {
  const { t } = useTranslation('shared');
  return (
    <MeGate label={t('portalGate.loading')}>
      {(me) =>
        !me ? (
          <SignInFirst />
        ) : me.partnerId ? (
          children(me.partnerId)
        ) : (
          <Stack gap="lg" maw={640}>
            <PageHeader title={t('portalGate.title')} description={t('portalGate.description')} />
            <Text>{t('portalGate.notAPartner')}</Text>
            <div>
              <Button component={Link} to="/sign-in">
                {t('actions.signIn')}
              </Button>
            </div>
          </Stack>
        )
      }
    </MeGate>
  );
}

import { Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MeGate } from '../../shared/components/me-gate';
import { SignInFirst } from '../../shared/components/sign-in-first';
import { PageHeader } from '../../shared/components/page-header';
import { useConcierge } from '../../shared/hooks/use-concierge';
import { useSession } from '../../shared/hooks/use-session';
import { useTranslation } from '../../shared/i18n';

/**
 * The console is the vendor's: a partner's user (or a vendor user acting for a partner) is told
 * so, never shown a broken page; nobody signed in is sent to sign in first, and brought back.
 */
export function ConsoleGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('app');
  return (
    <MeGate label={t('console.loading')}>
      {(me) =>
        !me ? (
          <SignInFirst />
        ) : me.role === 'vendor_admin' || me.role === 'vendor_marketer' || me.role === 'vendor_approver' ? (
          children
        ) : (
          <NotTheConsole />
        )
      }
    </MeGate>
  );
}

function NotTheConsole() {
  const { t } = useTranslation('app');
  const session = useSession();
  const concierge = useConcierge();
  const acting = !!session.data?.actingForPartnerId;
  return (
    <Stack gap="lg" maw={640}>
      <PageHeader title={t('console.title')} description={t('console.description')} />
      <Text>{acting ? t('console.actingForPartner') : t('console.partnerAccount')}</Text>
      <div>
        {acting ? (
          <Button onClick={() => void concierge.stop('/console')}>{t('console.stopActing')}</Button>
        ) : (
          <Button component={Link} to="/portal">
            {t('console.openPortal')}
          </Button>
        )}
      </div>
    </Stack>
  );
}

import { Button, Divider, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ColleaguesPanel } from '../../features/portal/components/colleagues-panel';
import { ConciergeLogPanel } from '../../features/portal/components/concierge-log-panel';
import { SessionsPanel } from '../../features/session/components/sessions-panel';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { useMe } from '../../shared/hooks/use-me';
import { useTranslation } from '../../shared/i18n';

export function AccountPage() {
  return <PortalGate>{(partnerId) => <Account partnerId={partnerId} />}</PortalGate>;
}

/**
 * Every partner user's sessions; a partner admin's colleagues, the way to the company's own single
 * sign-on, and the concierge audit log too.
 */
function Account({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('app');
  const me = useMe();
  const admin = me.data?.role === 'partner_admin';
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('account.title')}
        description={admin ? t('account.adminDescription') : t('account.description')}
      />
      <SessionsPanel />
      {admin ? (
        <>
          <Divider />
          <ColleaguesPanel partnerId={partnerId} />
          <Divider />
          <Stack component="section" aria-labelledby="account-sso-title" gap="sm" align="flex-start">
            <Title order={2} id="account-sso-title">
              {t('account.sso.title')}
            </Title>
            <Text size="sm">{t('account.sso.description')}</Text>
            <Button component={Link} to="/portal/sso" variant="light">
              {t('account.sso.open')}
            </Button>
          </Stack>
          <Divider />
          <ConciergeLogPanel partnerId={partnerId} />
        </>
      ) : null}
    </Stack>
  );
}

import { Stack } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { useTranslation } from '../../shared/i18n';
import { AddSsoConnectionForm } from './components/add-sso-connection-form';
import { EmailDomainsSection } from './components/email-domains-section';
import { SsoConnectionsSection } from './components/sso-connections-section';

/**
 * Partner admins (the portal links here for them): the company's own identity provider. Its
 * email domains, proven by DNS, select its connections on the sign-in page for colleagues.
 */
export function PortalSsoPage() {
  const { t } = useTranslation('sso-connections');
  return (
    <PortalGate>
      {() => (
        <Stack gap="lg">
          <PageHeader title={t('portal.title')} description={t('portal.description')} />
          <EmailDomainsSection owner="partner" />
          <SsoConnectionsSection owner="partner" />
          <AddSsoConnectionForm owner="partner" />
        </Stack>
      )}
    </PortalGate>
  );
}

import { Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { Trans, useTranslation } from '../../shared/i18n';
import { AddSsoConnectionForm } from './components/add-sso-connection-form';
import { EmailDomainsSection } from './components/email-domains-section';
import { SsoConnectionsSection } from './components/sso-connections-section';

/**
 * Partner admins (their account page links here): the company's own identity provider. Its
 * email domains, proven by DNS, select its connections on the sign-in page for colleagues.
 */
export function PortalSsoPage() {
  const { t } = useTranslation('sso-connections');
  return (
    <PortalGate>
      {() => (
        <Stack gap="lg">
          <Text size="sm">
            <Trans i18nKey="portal.breadcrumb" t={t} components={{ account: <Link to="/portal/account" /> }} />
          </Text>
          <PageHeader title={t('portal.title')} description={t('portal.description')} />
          <EmailDomainsSection owner="partner" />
          <SsoConnectionsSection owner="partner" />
          <AddSsoConnectionForm owner="partner" />
        </Stack>
      )}
    </PortalGate>
  );
}

import { Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { useMe } from '../../shared/hooks/use-me';
import { Trans, useTranslation } from '../../shared/i18n';
import { AddSsoConnectionForm } from './components/add-sso-connection-form';
import { EmailDomainsSection } from './components/email-domains-section';
import { SsoConnectionsSection } from './components/sso-connections-section';
import { SsoTestResultFromAddress } from './components/sso-test-result';

/**
 * Partner admins (their account page links here): the company's own identity provider. Its
 * email domains, proven by DNS, select its connections on the sign-in page for colleagues.
 */
export function PortalSsoPage() {
  const { t } = useTranslation('sso-connections');
  // The API answers partner admins only: a partner user is told whom to ask instead of errors.
  const admin = useMe().data?.role === 'partner_admin';
  return (
    <PortalGate>
      {() => (
        <Stack gap="lg">
          <Text size="sm">
            <Trans i18nKey="portal.breadcrumb" t={t} components={{ account: <Link to="/portal/account" /> }} />
          </Text>
          <PageHeader title={t('portal.title')} description={t('portal.description')} />
          {admin ? (
            <>
              <SsoTestResultFromAddress />
              <EmailDomainsSection owner="partner" />
              <SsoConnectionsSection owner="partner" />
              <AddSsoConnectionForm owner="partner" />
            </>
          ) : (
            <Text>{t('portal.adminsOnly')}</Text>
          )}
        </Stack>
      )}
    </PortalGate>
  );
}

import { Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { Trans, useTranslation } from '../../shared/i18n';
import { AddSsoConnectionForm } from './components/add-sso-connection-form';
import { EmailDomainsSection } from './components/email-domains-section';
import { ScimPanel } from './components/scim-panel';
import { SsoConnectionsSection } from './components/sso-connections-section';
import { SsoTestResultFromAddress } from './components/sso-test-result';
import { SsoRequirementPanel } from './components/sso-requirement-panel';

/** Vendor admins: the identity providers their users, or their partners' users, sign in with. */
export function SsoConnectionsPage() {
  const { t } = useTranslation('sso-connections');
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans i18nKey="page.breadcrumb" t={t} components={{ console: <Link to="/console" /> }} />
      </Text>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <SsoTestResultFromAddress />
      <SsoConnectionsSection owner="vendor" />
      <AddSsoConnectionForm />
      <EmailDomainsSection owner="vendor" />
      <SsoRequirementPanel />
      <ScimPanel />
    </Stack>
  );
}

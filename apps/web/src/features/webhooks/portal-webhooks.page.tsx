import { Stack } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { useTranslation } from '../../shared/i18n';
import { WebhooksSection } from './components/webhooks-section';

/** A partner's webhook endpoints (for its admins: the portal links here for them). */
export function PortalWebhooksPage() {
  const { t } = useTranslation('webhooks');
  return (
    <PortalGate>
      {() => (
        <Stack gap="lg">
          <PageHeader title={t('portal.title')} description={t('portal.description')} />
          <WebhooksSection />
        </Stack>
      )}
    </PortalGate>
  );
}

import { Stack } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { WebhooksSection } from './components/webhooks-section';

/** A partner's webhook endpoints (for its admins: the portal links here for them). */
export function PortalWebhooksPage() {
  return (
    <PortalGate>
      {() => (
        <Stack gap="lg">
          <PageHeader title="Webhooks" description="Send your leads and campaign events to your CRM as they happen." />
          <WebhooksSection />
        </Stack>
      )}
    </PortalGate>
  );
}

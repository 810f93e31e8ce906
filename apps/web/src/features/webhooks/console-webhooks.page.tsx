import { Stack } from '@mantine/core';
import { PageHeader } from '../../shared/page-header';
import { WebhooksSection } from './components/webhooks-section';

/** The vendor's webhook endpoints: every partner's events (none about a private partner's contacts). Vendor admins (the API answers 403 to others). */
export function ConsoleWebhooksPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Webhooks" description="Send your partners' leads and campaign events to your CRM as they happen. Partners keeping their contacts private send none of their people." />
      <WebhooksSection />
    </Stack>
  );
}

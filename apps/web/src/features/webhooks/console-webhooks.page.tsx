import { Stack } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import { usePartnerChoices } from '../../shared/hooks/use-partner-choices';
import { WebhooksSection } from './components/webhooks-section';

/** The vendor's webhook endpoints, and its partners' (the API lists both to vendor admins; 403 to others). */
export function ConsoleWebhooksPage() {
  const partners = usePartnerChoices();
  const names = new Map((partners.data?.items ?? []).map((p) => [p.id, p.companyName]));
  return (
    <Stack gap="lg">
      <PageHeader
        title="Webhooks"
        description="Send your partners' leads and campaign events to your CRM as they happen. Your partners' own endpoints are listed too."
      />
      <WebhooksSection
        ownerOf={(partnerId) =>
          partnerId ? `Endpoint of ${names.get(partnerId) ?? 'a partner'}` : 'Endpoint of the vendor'
        }
      />
    </Stack>
  );
}

import { Stack } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import { usePartnerChoices } from '../../shared/hooks/use-partner-choices';
import { useTranslation } from '../../shared/i18n';
import { WebhooksSection } from './components/webhooks-section';

/** The vendor's webhook endpoints, and its partners' (the API lists both to vendor admins; 403 to others). */
export function ConsoleWebhooksPage() {
  const { t } = useTranslation('webhooks');
  const partners = usePartnerChoices();
  const names = new Map((partners.data?.items ?? []).map((p) => [p.id, p.companyName]));
  return (
    <Stack gap="lg">
      <PageHeader title={t('console.title')} description={t('console.description')} />
      <WebhooksSection
        ownerOf={(partnerId) => {
          if (!partnerId) return t('console.ofVendor');
          const partner = names.get(partnerId);
          return partner ? t('console.ofPartner', { partner }) : t('console.ofAPartner');
        }}
      />
    </Stack>
  );
}

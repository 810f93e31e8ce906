import { Stack } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { useMe } from '../../shared/hooks/use-me';
import { useTranslation } from '../../shared/i18n';
import { ContactsPrivacySwitch } from './components/contacts-privacy-switch';
import { LeadsList } from './components/leads-list';

export function LeadsPage() {
  return <PortalGate>{(partnerId) => <Leads partnerId={partnerId} />}</PortalGate>;
}

/** The partner's leads; its admins also choose whether the vendor may see them. */
function Leads({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('leads');
  const me = useMe();
  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} description={t('portal.description')} />
      {me.data?.role === 'partner_admin' ? <ContactsPrivacySwitch partnerId={partnerId} /> : null}
      <LeadsList partnerId={partnerId} linkTo={(l) => `/portal/leads/${l.id}`} />
    </Stack>
  );
}

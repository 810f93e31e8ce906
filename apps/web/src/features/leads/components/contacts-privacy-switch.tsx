import { Alert, Skeleton, Switch } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import { usePartner, useSetContactsPrivate } from '../hooks/use-leads';

/** A partner admin's switch: keep the partner's contacts (prospects and leads) from its vendor. */
export function ContactsPrivacySwitch({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('leads');
  const partner = usePartner(partnerId);
  const setPrivate = useSetContactsPrivate(partnerId);
  if (partner.isPending) return <Skeleton height={40} width={320} />;
  if (partner.isError) return null;
  return (
    <>
      <Switch
        label={t('privacy.label')}
        description={t('privacy.description')}
        checked={partner.data.contactsPrivate}
        disabled={setPrivate.isPending}
        onChange={(e) => setPrivate.mutate(e.currentTarget.checked)}
      />
      {setPrivate.isError ? (
        <Alert color="red" variant="light" title={t('privacy.notChanged')}>
          {setPrivate.error.message}
        </Alert>
      ) : null}
    </>
  );
}

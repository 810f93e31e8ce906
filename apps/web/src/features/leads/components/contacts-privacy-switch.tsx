import { Alert, Skeleton, Switch } from '@mantine/core';
import { usePartner, useSetContactsPrivate } from '../hooks/use-leads';

/** A partner admin's switch: keep the partner's contacts (prospects and leads) from its vendor. */
export function ContactsPrivacySwitch({ partnerId }: { partnerId: string }) {
  const partner = usePartner(partnerId);
  const setPrivate = useSetContactsPrivate(partnerId);
  if (partner.isPending) return <Skeleton height={40} width={320} />;
  if (partner.isError) return null;
  return (
    <>
      <Switch
        label="Contacts private"
        description="On: your vendor sees your counts and funnels only, never your leads or prospects."
        checked={partner.data.contactsPrivate}
        disabled={setPrivate.isPending}
        onChange={(e) => setPrivate.mutate(e.currentTarget.checked)}
      />
      {setPrivate.isError ? (
        <Alert color="red" variant="light" title="The setting did not change">
          {setPrivate.error.message}
        </Alert>
      ) : null}
    </>
  );
}

import { actionOf, DnsClaimCard } from '../../../shared/components/dns-claim';
import { useTranslation } from '../../../shared/i18n';
import { useCheckHostName, useRemoveHostName, type VendorHostName } from '../hooks/use-host-names';

/** One host name: its state, the TXT record to publish while it is pending, the last check's finding, its actions. */
export function HostNameCard({ hostName: h }: { hostName: VendorHostName }) {
  const { t } = useTranslation('vendor-hosts');
  const check = useCheckHostName();
  const remove = useRemoveHostName();
  return (
    <DnsClaimCard
      name={h.host}
      claim={h}
      field="host"
      check={actionOf(check)}
      remove={actionOf(remove)}
      words={{
        verified: t('hostName.verified'),
        pending: t('hostName.pending'),
        verifiedOn: (date) => t('hostName.verifiedOn', { date }),
        verifiedUndated: t('hostName.verifiedUndated'),
        publish: t('hostName.publish'),
        recordName: t('hostName.recordName'),
        recordValue: t('hostName.recordValue'),
        txtName: t('hostName.txtName'),
        txtValue: t('hostName.txtValue'),
        lastCheck: t('hostName.lastCheck', { host: h.host }),
        checkedOn: (date) => t('hostName.checkedOn', { date }),
        notVerified: t('hostName.notVerified'),
        check: t('hostName.check'),
        remove: t('hostName.remove'),
        removeTitle: t('remove.title'),
        removeClose: t('remove.close'),
        removeConsequence: t('remove.consequence', { host: h.host }),
        removeKeep: t('remove.keep'),
        removeSubmit: t('remove.submit'),
      }}
    />
  );
}

import { actionOf, DnsClaimForm } from '../../../shared/components/dns-claim';
import { useTranslation } from '../../../shared/i18n';
import { useClaimHostName } from '../hooks/use-host-names';

/** Claims a host name; what makes one acceptable (and how many) is the API's to say, at the field. */
export function ClaimHostNameForm() {
  const { t } = useTranslation('vendor-hosts');
  const claim = useClaimHostName();
  return (
    <DnsClaimForm
      id="host"
      field="host"
      claim={actionOf(claim)}
      words={{
        title: t('claim.title'),
        label: t('claim.host'),
        hint: t('claim.hostHint'),
        example: t('claim.hostExample'),
        notClaimed: t('claim.notClaimed'),
        submit: t('claim.submit'),
      }}
    />
  );
}

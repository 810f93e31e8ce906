import { Stack, Text, Title } from '@mantine/core';
import { actionOf, DnsClaimCard, DnsClaimForm } from '../../../shared/components/dns-claim';
import { LoadingRows } from '../../../shared/components/list-states';
import { QueryError } from '../../../shared/components/query-error';
import { useTranslation } from '../../../shared/i18n';
import {
  useCheckEmailDomain,
  useClaimEmailDomain,
  useEmailDomains,
  useRemoveEmailDomain,
  type EmailDomain,
} from '../hooks/use-email-domains';

/** Whose domains these are: the vendor's (its own users), or a partner's (its colleagues). */
export type SsoOwner = 'vendor' | 'partner';

function EmailDomainCard({ domain: d }: { domain: EmailDomain }) {
  const { t } = useTranslation('sso-connections');
  const check = useCheckEmailDomain();
  const remove = useRemoveEmailDomain();
  return (
    <DnsClaimCard
      name={d.domain}
      claim={d}
      field="domain"
      check={actionOf(check)}
      remove={actionOf(remove)}
      words={{
        verified: t('domains.verified'),
        pending: t('domains.pending'),
        verifiedOn: (date) => t('domains.verifiedOn', { date }),
        verifiedUndated: t('domains.verifiedUndated'),
        publish: t('domains.publish'),
        recordName: t('domains.recordName'),
        recordValue: t('domains.recordValue'),
        txtName: t('domains.txtName'),
        txtValue: t('domains.txtValue'),
        lastCheck: t('domains.lastCheck', { domain: d.domain }),
        checkedOn: (date) => t('domains.checkedOn', { date }),
        notVerified: t('domains.notVerified'),
        check: t('domains.check'),
        remove: t('domains.remove'),
        removeTitle: t('domains.removeTitle'),
        removeClose: t('remove.close'),
        removeConsequence: t('domains.removeConsequence', { domain: d.domain }),
        removeKeep: t('remove.keep'),
        removeSubmit: t('domains.removeSubmit'),
      }}
    />
  );
}

/**
 * The company's email domains, each proven by a DNS TXT record: on the sign-in page, an address
 * of a verified one is offered the company's own "Sign in with …" buttons.
 */
export function EmailDomainsSection({ owner }: { owner: SsoOwner }) {
  const { t } = useTranslation('sso-connections');
  const domains = useEmailDomains();
  const claim = useClaimEmailDomain();
  return (
    <Stack component="section" aria-labelledby="email-domains-title" gap="sm">
      <Title order={2} size="h3" id="email-domains-title">
        {t('domains.title')}
      </Title>
      <Text size="sm">{owner === 'partner' ? t('domains.descriptionPartner') : t('domains.descriptionVendor')}</Text>
      {domains.isError ? (
        <QueryError error={domains.error} retry={() => void domains.refetch()} />
      ) : domains.isPending ? (
        <LoadingRows label={t('domains.loading')} height={120} />
      ) : domains.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('domains.empty')}
        </Text>
      ) : (
        domains.data.items.map((d) => <EmailDomainCard key={d.id} domain={d} />)
      )}
      <DnsClaimForm
        id="email-domain"
        field="domain"
        order={3}
        claim={actionOf(claim)}
        words={{
          title: t('domains.claimTitle'),
          label: t('domains.domain'),
          hint: t('domains.domainHint'),
          example: t('domains.domainExample'),
          notClaimed: t('domains.notClaimed'),
          submit: t('domains.claim'),
        }}
      />
    </Stack>
  );
}

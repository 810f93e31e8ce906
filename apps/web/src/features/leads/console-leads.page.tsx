import { Alert, Group, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { components } from '../../api/client';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { QueryError } from '../../shared/components/query-error';
import { useAddressParams } from '../../shared/hooks/use-address-params';
import { usePartnerChoices } from '../../shared/hooks/use-partner-choices';
import { useFormat, useTranslation } from '../../shared/i18n';
import { LeadsList } from './components/leads-list';
import { usePartnerFunnel, type FunnelCount } from './hooks/use-leads';

type Partner = components['schemas']['PartnerDto'];

/**
 * The vendor's view of its partners' leads, one partner at a time. A partner keeping its
 * contacts private shows its funnel counts only: the API answers nothing more about it.
 */
export function ConsoleLeadsPage() {
  const { t } = useTranslation('leads');
  const { params, set } = useAddressParams();
  const partners = usePartnerChoices();
  const partnerId = params.get('partner');
  const chosen = partners.data?.items.find((p) => p.id === partnerId) ?? null;

  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} description={t('console.description')} />
      {partners.isError ? (
        <QueryError error={partners.error} retry={() => void partners.refetch()} />
      ) : partners.isPending ? (
        <Skeleton height={60} width={320} />
      ) : (
        <Select
          label={t('console.partner')}
          placeholder={t('console.choosePartner')}
          searchable
          data={partners.data.items.map((p) => ({
            value: p.id,
            label: p.contactsPrivate ? t('console.privatePartner', { partner: p.companyName }) : p.companyName,
          }))}
          value={chosen?.id ?? null}
          onChange={(v) => set({ partner: v, status: null })}
          nothingFoundMessage={t('console.noPartner')}
          maw={420}
        />
      )}
      {chosen ? (
        chosen.contactsPrivate ? (
          <PrivatePartner partner={chosen} />
        ) : (
          <LeadsList key={chosen.id} partnerId={chosen.id} />
        )
      ) : partners.data ? (
        <Text>{t('console.chooseToSee')}</Text>
      ) : null}
    </Stack>
  );
}

function PrivatePartner({ partner }: { partner: Partner }) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  const funnel = usePartnerFunnel(partner.id, true);
  const label: Record<FunnelCount, string> = {
    enrolled: t('funnel.enrolled'),
    sent: t('funnel.sent'),
    opened: t('funnel.opened'),
    clicked: t('funnel.clicked'),
    converted: t('funnel.converted'),
    unsubscribed: t('funnel.unsubscribed'),
  };
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light" title={t('console.keepsPrivate', { partner: partner.companyName })}>
        {t('console.privateText')}
      </Alert>
      {funnel.isError ? (
        <QueryError error={funnel.error} retry={() => void funnel.refetch()} />
      ) : funnel.isPending ? (
        <Skeleton height={80} />
      ) : (
        <SimpleGrid
          cols={{ base: 2, sm: 3, md: 6 }}
          spacing="sm"
          component="dl"
          aria-label={t('console.countsOf', { partner: partner.companyName })}
        >
          {funnel.data.map((c) => (
            <Stack key={c.column} gap={0} p="sm" className={classes.panel}>
              <Text component="dt" size="xs">
                {label[c.column]}
              </Text>
              <Group component="dd" m={0}>
                <Text fw={700}>{format.count(c.value)}</Text>
              </Group>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

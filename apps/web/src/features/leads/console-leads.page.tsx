import { Alert, Group, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { components } from '../../api/client';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { QueryError } from '../../shared/components/query-error';
import { useAddressParams } from '../../shared/hooks/use-address-params';
import { usePartnerChoices } from '../../shared/hooks/use-partner-choices';
import { format } from '../../shared/lib/format';
import { LeadsList } from './components/leads-list';
import { usePartnerFunnel } from './hooks/use-leads';

type Partner = components['schemas']['PartnerDto'];

/**
 * The vendor's view of its partners' leads, one partner at a time. A partner keeping its
 * contacts private shows its funnel counts only: the API answers nothing more about it.
 */
export function ConsoleLeadsPage() {
  const { params, set } = useAddressParams();
  const partners = usePartnerChoices();
  const partnerId = params.get('partner');
  const chosen = partners.data?.items.find((p) => p.id === partnerId) ?? null;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Leads"
        description="Your partners' leads from their landing pages. A partner who keeps its contacts private shows counts only."
      />
      {partners.isError ? (
        <QueryError error={partners.error} retry={() => void partners.refetch()} />
      ) : partners.isPending ? (
        <Skeleton height={60} width={320} />
      ) : (
        <Select
          label="Partner"
          placeholder="Choose a partner"
          searchable
          data={partners.data.items.map((p) => ({
            value: p.id,
            label: p.contactsPrivate ? `${p.companyName} (contacts private)` : p.companyName,
          }))}
          value={chosen?.id ?? null}
          onChange={(v) => set({ partner: v, status: null })}
          nothingFoundMessage="No partner has this name"
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
        <Text>Choose a partner to see its leads.</Text>
      ) : null}
    </Stack>
  );
}

function PrivatePartner({ partner }: { partner: Partner }) {
  const funnel = usePartnerFunnel(partner.id, true);
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light" title={`${partner.companyName} keeps its contacts private`}>
        Its leads and prospects are not shown to the vendor; its counts are.
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
          aria-label={`Counts of ${partner.companyName}`}
        >
          {funnel.data.map((c) => (
            <Stack key={c.label} gap={0} p="sm" className={classes.panel}>
              <Text component="dt" size="xs">
                {c.label}
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

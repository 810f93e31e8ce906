import { Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import { EmptyState, LoadingRows } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useCrmHeldBack, type CrmHeldBack } from '../hooks/use-crm';

/** The days looked back over (the API's default). */
const DAYS = 30;

type HeldBackPartner = CrmHeldBack['partners'][number];

/**
 * The vendor's CRM gets no lead of a partner keeping its contacts private: how many there were,
 * per partner and campaign, as the API counts them (never who), and why they are not in the CRM.
 * A table from 768 px, a card a partner on a phone.
 */
export function HeldBackCounts() {
  const { t } = useTranslation('crm');
  const format = useFormat();
  const heldBack = useCrmHeldBack(DAYS);
  const titleId = 'crm-held-back';
  const campaigns = (p: HeldBackPartner) => (
    <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }}>
      {p.campaigns.map((c) => (
        <Text component="li" key={c.campaignId} size="sm" className="wrap-anywhere">
          {t('heldBack.campaignLeads', { campaign: c.campaignName, count: c.leads })}
        </Text>
      ))}
    </Stack>
  );

  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm">
      <Stack gap={2}>
        <Title order={2} size="h3" id={titleId}>
          {t('heldBack.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('heldBack.text', { count: DAYS })}
        </Text>
      </Stack>
      {heldBack.isError ? (
        <QueryError error={heldBack.error} retry={() => void heldBack.refetch()} />
      ) : heldBack.isPending ? (
        <LoadingRows label={t('heldBack.loading')} height={36} />
      ) : heldBack.data.partners.length === 0 ? (
        <EmptyState order={3} title={t('heldBack.none')} text={t('heldBack.noneText', { count: DAYS })} />
      ) : (
        <>
          <Box visibleFrom="sm" className={classes.panel}>
            <Table verticalSpacing="xs" fz="sm" aria-labelledby={titleId} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('heldBack.partner')}</Table.Th>
                  <Table.Th>{t('heldBack.campaigns')}</Table.Th>
                  <Table.Th ta="right" w={140}>
                    {t('heldBack.leads')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {heldBack.data.partners.map((p) => (
                  <Table.Tr key={p.partnerId}>
                    <Table.Td className="wrap-anywhere">{p.partnerName}</Table.Td>
                    <Table.Td>{campaigns(p)}</Table.Td>
                    <Table.Td ta="right">{format.count(p.leads)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <Stack component="ul" hiddenFrom="sm" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {heldBack.data.partners.map((p) => (
              <Stack component="li" key={p.partnerId} gap={4} p="sm" className={classes.panel}>
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Text fw={600} size="sm" className="wrap-anywhere" miw={0}>
                    {p.partnerName}
                  </Text>
                  <Text size="sm" style={{ flexShrink: 0 }}>
                    {t('heldBack.cardLeads', { count: p.leads })}
                  </Text>
                </Group>
                {campaigns(p)}
              </Stack>
            ))}
          </Stack>
          {heldBack.data.partnersTotal > heldBack.data.partners.length ? (
            <Text size="sm">
              {t('heldBack.more', { count: heldBack.data.partnersTotal - heldBack.data.partners.length })}
            </Text>
          ) : null}
        </>
      )}
    </Stack>
  );
}

import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState, LoadingBlock } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { RevenueTotalTile } from '../../../shared/components/revenue-total-tile';
import { Section } from '../../../shared/components/section';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { hasRevenue, perCurrency } from '../../../shared/lib/revenue';
import { REVENUE_DAYS, useRevenue } from '../hooks/use-partner-home';

/** Campaigns the ranking shows a currency. */
const TOP = 5;

/**
 * Revenue influenced: the deals the partner won from its campaigns' leads, as its CRM reports
 * them; a total per currency (never added across currencies) and the campaigns that brought most.
 */
export function Revenue() {
  const { t } = useTranslation('partner-home');
  const format = useFormat();
  const revenue = useRevenue();
  const lists = revenue.data
    ? perCurrency(
        revenue.data.byCampaign,
        revenue.data.totals.map((x) => x.currency),
        TOP,
      )
    : [];
  return (
    <Section
      id="home-revenue"
      title={t('revenue.title')}
      description={t('revenue.description', { count: revenue.data?.days ?? REVENUE_DAYS })}
    >
      {revenue.isError ? (
        <QueryError error={revenue.error} retry={() => void revenue.refetch()} />
      ) : revenue.isPending ? (
        <LoadingBlock height={120} label={t('revenue.loading')} />
      ) : !hasRevenue(revenue.data.totals) ? (
        <EmptyState
          order={3}
          title={t('revenue.empty')}
          text={t('revenue.emptyText')}
          action={
            <Anchor component={Link} to="/portal/crm" size="sm">
              {t('revenue.connect')}
            </Anchor>
          }
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ alignContent: 'start' }}>
            {revenue.data.totals.map((total) => (
              <RevenueTotalTile
                key={total.currency}
                total={total}
                label={t('revenue.totalIn', { currency: total.currency })}
                deals={t('revenue.deals', { count: total.deals })}
              />
            ))}
          </SimpleGrid>
          <Stack component="section" aria-labelledby="home-revenue-campaigns" gap="xs" p="md" className={classes.panel}>
            <Title order={3} size="h4" id="home-revenue-campaigns">
              {t('revenue.byCampaign')}
            </Title>
            {lists.map((list) => (
              <Stack key={list.currency} gap={2}>
                {lists.length > 1 ? (
                  <Text size="xs" fw={600} aria-hidden>
                    {t('revenue.currency', { currency: list.currency })}
                  </Text>
                ) : null}
                <Stack
                  component="ol"
                  gap={0}
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  aria-label={t('revenue.inCurrency', { currency: list.currency })}
                >
                  {list.items.map((item, i) => (
                    <Group
                      component="li"
                      key={item.id}
                      gap="sm"
                      wrap="nowrap"
                      py={8}
                      style={i ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
                    >
                      <Anchor component={Link} to={`/portal/campaigns/${item.id}`} fw={600} size="sm" flex={1} miw={0}>
                        {item.name}
                      </Anchor>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {format.money(item.amount, item.currency)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Stack>
            ))}
          </Stack>
        </SimpleGrid>
      )}
    </Section>
  );
}

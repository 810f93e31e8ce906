import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState, LoadingBlock } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { RevenueTotalTile } from '../../../shared/components/revenue-total-tile';
import { Section } from '../../../shared/components/section';
import { useCapabilities } from '../../../shared/hooks/use-session';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { hasRevenue, perCurrency } from '../../../shared/lib/revenue';
import { REVENUE_DAYS, useRevenue, type RevenueBy } from '../hooks/use-vendor-home';

/** Items each ranking shows a currency. */
const TOP = 5;

/**
 * Revenue influenced: the deals won from the leads of the network's campaigns, as the CRMs report
 * them; a total per currency (amounts of different currencies are never added), and the campaigns,
 * partners and programmes that brought most.
 */
export function Revenue() {
  const { t } = useTranslation('vendor-home');
  const { vendorSettings } = useCapabilities();
  const revenue = useRevenue();
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
          text={vendorSettings ? t('revenue.emptyText') : t('revenue.emptyTextMarketer')}
          action={
            vendorSettings ? (
              <Anchor component={Link} to="/console/crm" size="sm">
                {t('revenue.connect')}
              </Anchor>
            ) : null
          }
        />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {revenue.data.totals.map((total) => (
              <RevenueTotalTile
                key={total.currency}
                total={total}
                label={t('revenue.totalIn', { currency: total.currency })}
                deals={t('revenue.deals', { count: total.deals })}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <Ranking
              id="home-revenue-campaigns"
              title={t('revenue.byCampaign')}
              items={revenue.data.byCampaign}
              currencies={revenue.data.totals.map((x) => x.currency)}
              to={(id) => `/console/campaigns/${id}`}
            />
            <Ranking
              id="home-revenue-partners"
              title={t('revenue.byPartner')}
              items={revenue.data.byPartner}
              currencies={revenue.data.totals.map((x) => x.currency)}
            />
            <Ranking
              id="home-revenue-programmes"
              title={t('revenue.byProgramme')}
              items={revenue.data.byProgramme}
              currencies={revenue.data.totals.map((x) => x.currency)}
            />
          </SimpleGrid>
        </Stack>
      )}
    </Section>
  );
}

interface RankingProps {
  id: string;
  title: string;
  items: RevenueBy[];
  currencies: string[];
  /** Where an item opens, when it has a page. */
  to?: (id: string) => string;
}

/** One ranking, most first, a list per currency: each item's name and its amount. */
function Ranking({ id, title, items, currencies, to }: RankingProps) {
  const { t } = useTranslation('vendor-home');
  const format = useFormat();
  const lists = perCurrency(items, currencies, TOP);
  return (
    <Stack component="section" aria-labelledby={id} gap="xs" p="md" className={classes.panel}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {lists.length === 0 ? (
        <Text size="sm">{t('revenue.none')}</Text>
      ) : (
        lists.map((list) => (
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
              aria-label={lists.length > 1 ? t('revenue.inCurrency', { title, currency: list.currency }) : undefined}
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
                  {to ? (
                    <Anchor component={Link} to={to(item.id)} fw={600} size="sm" flex={1} miw={0}>
                      {item.name}
                    </Anchor>
                  ) : (
                    <Text fw={600} size="sm" flex={1} miw={0}>
                      {item.name}
                    </Text>
                  )}
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(item.amount, item.currency)}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Stack>
        ))
      )}
    </Stack>
  );
}

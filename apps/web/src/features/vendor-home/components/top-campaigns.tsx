import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { Section } from '../../../shared/components/section';
import { useTranslation } from '../../../shared/i18n';
import type { TopCampaign, VendorHome } from '../hooks/use-vendor-home';

/** The campaigns that work: the most launched and the most clicked of the period, each opening in the editor. */
export function TopCampaigns({ home }: { home: VendorHome }) {
  const { t } = useTranslation('vendor-home');
  const { byLaunches, byClicks } = home.topCampaigns;
  return (
    <Section id="home-top" title={t('top.title')} description={t('top.description', { count: home.days })}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TopList
          id="home-top-launches"
          title={t('top.byLaunches')}
          items={byLaunches}
          count={(count) => t('top.launches', { count })}
          empty={t('top.noLaunches')}
        />
        <TopList
          id="home-top-clicks"
          title={t('top.byClicks')}
          items={byClicks}
          count={(count) => t('top.clicks', { count })}
          empty={t('top.noClicks')}
        />
      </SimpleGrid>
    </Section>
  );
}

interface TopListProps {
  id: string;
  title: string;
  items: TopCampaign[];
  count: (count: number) => string;
  /** What the list says, and what to do, when no campaign has a launch (or a click) yet. */
  empty: string;
}

/** One ranking, most first: the campaign's name (a link to it) and its count. */
function TopList({ id, title, items, count, empty }: TopListProps) {
  return (
    <Stack component="section" aria-labelledby={id} gap="xs" p="md" className={classes.panel}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {items.length ? (
        <Stack component="ol" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item, i) => (
            <Group
              component="li"
              key={item.campaignId}
              gap="sm"
              wrap="nowrap"
              py={8}
              style={i ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            >
              <Text size="sm" c="dimmed" w={20} ta="right" aria-hidden>
                {i + 1}
              </Text>
              <Anchor component={Link} to={`/console/campaigns/${item.campaignId}`} fw={600} size="sm" flex={1} miw={0}>
                {item.campaignName}
              </Anchor>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {count(item.count)}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm">{empty}</Text>
      )}
    </Stack>
  );
}

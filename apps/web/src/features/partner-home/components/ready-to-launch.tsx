import { Anchor, AspectRatio, Badge, Card, Center, Group, Image, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from '../../../shared/i18n';
import type { PartnerHome } from '../hooks/use-partner-home';
import { Section } from '../../../shared/components/section';

/** Campaigns the partner may launch now, as the catalogue orders them: each opens its campaign page. */
export function ReadyToLaunch({ items, total }: { items: PartnerHome['readyToLaunch']; total: number }) {
  const { t } = useTranslation('partner-home');
  return (
    <Section
      id="home-ready"
      title={t('ready.title')}
      more={total > items.length ? { to: '/portal', label: t('ready.all', { count: total }) } : undefined}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
        {items.map((item) => (
          <Card
            key={item.campaignId}
            padding="sm"
            radius="md"
            component="article"
            aria-labelledby={`ready-${item.campaignId}`}
          >
            <Card.Section>
              <AspectRatio ratio={16 / 9} bg="gray.1">
                {item.thumbnailUrl ? (
                  <Image src={item.thumbnailUrl} alt={t('ready.thumbnail', { name: item.name })} fit="contain" />
                ) : (
                  <Center>
                    <Text size="sm" c="dimmed">
                      {t('ready.noPreview')}
                    </Text>
                  </Center>
                )}
              </AspectRatio>
            </Card.Section>
            <Group gap={6} mt="sm">
              {item.promoted ? (
                <Badge color="grape" variant="filled">
                  {t('ready.promoted')}
                </Badge>
              ) : null}
              {item.new ? (
                <Badge color="teal.9" variant="filled">
                  {t('ready.new')}
                </Badge>
              ) : null}
            </Group>
            <Anchor
              component={Link}
              to={`/portal/campaigns/${item.campaignId}`}
              id={`ready-${item.campaignId}`}
              fw={600}
              mt={6}
            >
              {item.name}
            </Anchor>
          </Card>
        ))}
      </SimpleGrid>
    </Section>
  );
}

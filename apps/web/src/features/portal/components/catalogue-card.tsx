import {
  Anchor,
  AspectRatio,
  Badge,
  Box,
  Card,
  Center,
  Group,
  Image,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from '../../../shared/i18n';
import type { CatalogueItem } from '../hooks/use-catalogue';

interface CatalogueCardProps {
  item: CatalogueItem;
  onTag: (tag: string) => void;
  /** On screen when the page opens: its thumbnail is fetched at once, first, instead of when scrolled to. */
  firstSeen?: boolean;
}

/** One campaign of the catalogue: its co-branded thumbnail, what it holds, and the way in. */
export function CatalogueCard({ item, onTag, firstSeen = false }: CatalogueCardProps) {
  const { t } = useTranslation('portal');
  const assetLabels: Record<CatalogueItem['assetTypes'][number], string> = {
    email: t('assetTypes.email'),
    pdf: t('assetTypes.pdf'),
    social: t('assetTypes.social'),
  };
  const to = `/portal/campaigns/${item.campaignId}`;
  return (
    <Card padding="md" radius="md" component="article" aria-labelledby={`campaign-${item.campaignId}`}>
      <Card.Section>
        <AspectRatio ratio={4 / 3} bg="gray.1">
          {item.thumbnailUrl ? (
            <Image
              src={item.thumbnailUrl}
              alt={t('card.thumbnail', { name: item.name })}
              fit="contain"
              loading={firstSeen ? 'eager' : 'lazy'}
              fetchPriority={firstSeen ? 'high' : 'auto'}
            />
          ) : (
            <Center>
              <Text size="sm" c="dimmed">
                {t('card.noPreview')}
              </Text>
            </Center>
          )}
        </AspectRatio>
      </Card.Section>
      <Stack gap="xs" mt="md">
        <Group gap={6}>
          {item.promoted ? (
            <Badge color="grape" variant="filled">
              {t('card.promoted')}
            </Badge>
          ) : null}
          {item.new ? (
            <Badge color="teal.9" variant="filled">
              {t('card.new')}
            </Badge>
          ) : null}
          {item.assetTypes.map((type) => (
            <Badge key={type} variant="light" color="indigo">
              {assetLabels[type]}
            </Badge>
          ))}
          {/* Every language its prospects may get it in, the campaign's own first (the API's order). */}
          <Badge variant="outline" color="gray.8" tt="none" title={t('card.languages')}>
            {item.languages.join(' · ')}
          </Badge>
        </Group>
        <Title order={2} size="h3" id={`campaign-${item.campaignId}`}>
          <Anchor component={Link} to={to} c="dark.8" underline="hover">
            {item.name}
          </Anchor>
        </Title>
        {item.description ? (
          <Text size="sm" lineClamp={3}>
            {item.description}
          </Text>
        ) : null}
        {item.tags.length ? (
          <Box>
            <Group gap={4} aria-label={t('card.tags')}>
              {item.tags.map((tag) => (
                <UnstyledButton key={tag} onClick={() => onTag(tag)} aria-label={t('card.showTagged', { tag })}>
                  <Badge variant="dot" color="gray" tt="none" style={{ cursor: 'pointer' }}>
                    {tag}
                  </Badge>
                </UnstyledButton>
              ))}
            </Group>
          </Box>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The shape of a card while the catalogue loads. */
export function CatalogueCardSkeleton() {
  return (
    <Card padding="md" radius="md" aria-hidden="true">
      <Card.Section>
        <AspectRatio ratio={4 / 3} bg="gray.1">
          <div />
        </AspectRatio>
      </Card.Section>
      <Stack gap="xs" mt="md">
        <Group gap={6}>
          <Badge variant="light" color="gray" w={56}>
            {' '}
          </Badge>
          <Badge variant="light" color="gray" w={40}>
            {' '}
          </Badge>
        </Group>
        <Box h={22} w="70%" bg="gray.2" style={{ borderRadius: 4 }} />
        <Box h={14} w="90%" bg="gray.1" style={{ borderRadius: 4 }} />
      </Stack>
    </Card>
  );
}

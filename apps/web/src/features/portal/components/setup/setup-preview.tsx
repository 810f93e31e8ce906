import { AspectRatio, Card, Center, Image, Stack, Text } from '@mantine/core';
import { useTranslation } from '../../../../shared/i18n';
import type { PartnerSetup } from '../../hooks/use-setup';

/**
 * The campaign to launch first, co-branded with the kit as it is saved now: its thumbnail's
 * address changes with each new kit revision, so the picture follows the logo and colours.
 */
export function SetupPreview({ campaign }: { campaign: PartnerSetup['suggestedCampaign'] }) {
  const { t } = useTranslation('portal');
  return (
    <Card padding="md" withBorder component="figure" m={0}>
      <Card.Section>
        <AspectRatio ratio={4 / 3} bg="gray.1">
          {campaign?.thumbnailUrl ? (
            <Image src={campaign.thumbnailUrl} alt={t('setup.preview.alt', { name: campaign.name })} fit="contain" />
          ) : (
            <Center p="md">
              <Text size="sm" c="dimmed" ta="center">
                {campaign ? t('setup.preview.waiting') : t('setup.preview.none')}
              </Text>
            </Center>
          )}
        </AspectRatio>
      </Card.Section>
      <Stack gap={2} mt="sm" component="figcaption">
        <Text size="sm" fw={600}>
          {t('setup.preview.title')}
        </Text>
        {campaign ? <Text size="sm">{campaign.name}</Text> : null}
      </Stack>
    </Card>
  );
}

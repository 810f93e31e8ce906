import { Box, Button, Card, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import { sameOrigin } from '../../../shared/lib/same-origin';
import type { VendorBrand } from '../hooks/use-vendor-brand';
import type { BrandDraft } from './brand-form';

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * The portal's header and a main button as partners will see them, following the form as it is
 * typed. Until the colour is saved it shows as typed; once saved, as the API made it readable.
 */
export function BrandPreview({ brand, draft }: { brand: VendorBrand; draft: BrandDraft }) {
  const { t } = useTranslation('vendor-brand');
  const name = draft.displayName.trim() || brand.displayName;
  const typed = draft.primaryColor.trim().toLowerCase();
  const unsaved = typed !== (brand.saved.primaryColor ?? '');
  const color = unsaved && HEX.test(typed) ? typed : brand.colors.primaryReadable;
  return (
    <Card padding="lg" component="section" aria-labelledby="preview-title">
      <Title order={2} size="h3" id="preview-title" mb="md">
        {t('preview.title')}
      </Title>
      <Box
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }}
        data-testid="brand-preview"
      >
        <Group gap={8} wrap="nowrap" px="md" h={56} bg="white" style={{ borderBottom: `4px solid ${color}` }}>
          {brand.logo ? (
            <Image src={sameOrigin(brand.logo.pngUrl)} alt="" h={32} w="auto" maw={140} fit="contain" />
          ) : null}
          <Text fw={700} size="lg" c="dark.8" truncate>
            {name}
          </Text>
        </Group>
        <Stack gap="sm" p="md" bg="gray.0" align="flex-start">
          <Text size="sm">{t('preview.partnerPage')}</Text>
          {/* Shown, not used: the preview's button does nothing. */}
          <Button component="span" data-testid="preview-button" style={{ background: color, color: '#ffffff' }}>
            {t('preview.launch')}
          </Button>
        </Stack>
      </Box>
      {unsaved && HEX.test(typed) ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('preview.saveToSee')}
        </Text>
      ) : null}
    </Card>
  );
}

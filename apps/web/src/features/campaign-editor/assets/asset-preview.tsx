import { useTranslation } from '../../../shared/i18n';
import { Alert, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { usePartnerChoices } from '../../../shared/hooks/use-partner-choices';

interface AssetPreviewProps {
  campaignId: string;
  /** The saved asset; null before its first save. */
  assetId: string | null;
  /** The draft revision shown: a new revision is a new picture. */
  revision: number;
  /** `page=2` or `size=x`: which picture of the asset. */
  query: Record<string, string>;
  /** Unsaved changes are not in the preview: say so. */
  dirty: boolean;
  /** The size the picture keeps while it loads (width / height). */
  aspect: number;
  extra?: ReactNode;
}

const SAMPLE = 'sample';

/**
 * The saved draft asset co-branded as the sample partner (no logo: its name in logo
 * rectangles) or one of the vendor's partners, as the API renders it.
 */
export function AssetPreview({ campaignId, assetId, revision, query, dirty, aspect, extra }: AssetPreviewProps) {
  const { t } = useTranslation('campaign-editor');
  const [partner, setPartner] = useState(SAMPLE);
  const partners = usePartnerChoices({ status: 'active' });
  const [loaded, setLoaded] = useState<string | null>(null);
  const options = [
    { value: SAMPLE, label: t('preview.sample') },
    ...(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.companyName })),
  ];
  const params = new URLSearchParams({
    ...query,
    dpi: '100',
    v: String(revision),
    ...(partner === SAMPLE ? {} : { partnerId: partner }),
  });
  const src = assetId ? `/campaigns/${campaignId}/draft/assets/${assetId}/preview?${params.toString()}` : null;
  const name = options.find((o) => o.value === partner)?.label ?? t('preview.sample');

  return (
    <Stack gap="sm" component="section" aria-labelledby={`preview-${assetId ?? 'new'}`}>
      <Title order={4} id={`preview-${assetId ?? 'new'}`}>
        {t('preview.title')}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('preview.as')}
          data={options}
          value={partner}
          allowDeselect={false}
          onChange={(v) => setPartner(v ?? SAMPLE)}
          w={220}
        />
        {extra}
      </Group>
      {dirty && src ? (
        <Alert color="yellow" variant="light" p="xs">
          {t('preview.dirty')}
        </Alert>
      ) : null}
      {src ? (
        <div
          style={{
            position: 'relative',
            width: '100%',
            aspectRatio: String(aspect),
            border: '1px solid var(--mantine-color-gray-4)',
            background: 'white',
          }}
        >
          {loaded !== src ? <Skeleton pos="absolute" inset={0} radius={0} /> : null}
          <img
            key={src}
            src={src}
            alt={t('preview.alt', { name })}
            onLoad={() => setLoaded(src)}
            style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }}
          />
        </div>
      ) : (
        <Text c="dimmed" size="sm">
          {t('preview.unsaved')}
        </Text>
      )}
    </Stack>
  );
}

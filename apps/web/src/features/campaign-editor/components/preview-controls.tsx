import { Group, SegmentedControl, Select } from '@mantine/core';
import { usePartnerChoices } from '../../../shared/hooks/use-partner-choices';
import { useTranslation } from '../../../shared/i18n';

/** The sample partner's value in the "Preview as" choice. */
export const SAMPLE_PARTNER = 'sample';

export type PreviewWidth = 'desktop' | 'mobile';

interface PreviewControlsProps {
  partnerId: string;
  onPartnerChange: (partnerId: string) => void;
  width: PreviewWidth;
  onWidthChange: (width: PreviewWidth) => void;
}

/** Whom a preview is rendered as (the sample partner or one of the vendor's), and at which width it is shown. */
export function PreviewControls({ partnerId, onPartnerChange, width, onWidthChange }: PreviewControlsProps) {
  const { t } = useTranslation('campaign-editor');
  const partners = usePartnerChoices({ status: 'active' });
  const options = [
    { value: SAMPLE_PARTNER, label: t('preview.sample') },
    ...(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.companyName })),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('preview.as')}
        data={options}
        value={partnerId}
        allowDeselect={false}
        onChange={(v) => onPartnerChange(v ?? SAMPLE_PARTNER)}
        w={220}
      />
      <SegmentedControl
        aria-label={t('emailPreview.width')}
        value={width}
        onChange={(v) => onWidthChange(v === 'mobile' ? 'mobile' : 'desktop')}
        data={[
          { value: 'desktop', label: t('emailPreview.desktop') },
          { value: 'mobile', label: t('emailPreview.mobile') },
        ]}
      />
    </Group>
  );
}

import { Select } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';

/** The image sizes the API renders a social post at (its OpenAPI enum), with each network's aspect. */
export const SOCIAL_SIZES = [
  // eslint-disable-next-line tcma/no-untranslated-text -- a network's own name
  { value: 'linkedin', label: 'LinkedIn', aspect: 1200 / 627 },
  // eslint-disable-next-line tcma/no-untranslated-text -- a network's own name
  { value: 'facebook', label: 'Facebook', aspect: 1200 / 630 },
  // eslint-disable-next-line tcma/no-untranslated-text -- a network's own name
  { value: 'x', label: 'X', aspect: 1600 / 900 },
  { value: 'square', label: null, aspect: 1 },
];

/** The aspect (width / height) of a social size's picture. */
export const socialAspect = (size: string): number => SOCIAL_SIZES.find((s) => s.value === size)?.aspect ?? 1;

/** The picker of the size a social image is previewed at. */
export function SocialSizeSelect({ value, onChange }: { value: string; onChange: (size: string) => void }) {
  const { t } = useTranslation('campaign-editor');
  return (
    <Select
      label={t('drawn.size')}
      data={SOCIAL_SIZES.map(({ value: v, label }) => ({ value: v, label: label ?? t('drawn.square') }))}
      value={value}
      allowDeselect={false}
      onChange={(v) => onChange(v ?? 'linkedin')}
      w={180}
    />
  );
}

import { ColorInput, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../../../shared/i18n';
import { fieldError } from '../../../../shared/lib/field-error';
import { kitRequest, useUpdateBrandKit, type BrandKit } from '../../hooks/use-brand-kit';
import type { PartnerSetup } from '../../hooks/use-setup';
import { LogoCard } from '../logo-card';
import { SetupPreview } from './setup-preview';
import { StepFrame } from './step-frame';

interface SetupBrandStepProps {
  partnerId: string;
  kit: BrandKit;
  setup: PartnerSetup;
  onDone: () => void;
  onBack?: () => void;
  onSkip: () => void;
}

/** The logo (saved as soon as it is chosen) and the colours, with a live co-branded preview beside them. */
export function SetupBrandStep({ partnerId, kit, setup, onDone, onBack, onSkip }: SetupBrandStepProps) {
  const { t } = useTranslation('portal');
  const update = useUpdateBrandKit(partnerId);
  // Null until typed in: the kit's colour, else the API's colour from the logo (once there is one), which the partner may change.
  const [typed, setPrimary] = useState<string | null>(kit.primaryColor);
  const [secondary, setSecondary] = useState(kit.secondaryColor ?? '');
  const suggested = setup.suggestedPrimaryColor;
  const primary = typed ?? suggested ?? '';
  const save = () =>
    update.mutate(kitRequest(kit, { primaryColor: primary || null, secondaryColor: secondary || null }), {
      onSuccess: onDone,
    });
  return (
    <StepFrame
      title={t('setup.brand.title')}
      text={t('setup.brand.text')}
      action={{ label: t('setup.saveAndContinue'), onClick: save, pending: update.isPending }}
      onBack={onBack}
      onSkip={onSkip}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <LogoCard partnerId={partnerId} kit={kit} />
        <SetupPreview campaign={setup.suggestedCampaign} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <ColorInput
          label={t('brandKit.primaryColour')}
          description={suggested && primary === suggested ? t('setup.brand.fromLogo') : undefined}
          format="hex"
          fixOnBlur={false}
          eyeDropperButtonProps={{ 'aria-label': t('brandKit.pickColour') }}
          value={primary}
          onChange={setPrimary}
          error={fieldError(update.error, 'primaryColor')}
        />
        <ColorInput
          label={t('brandKit.secondaryColour')}
          format="hex"
          fixOnBlur={false}
          eyeDropperButtonProps={{ 'aria-label': t('brandKit.pickColour') }}
          value={secondary}
          onChange={setSecondary}
          error={fieldError(update.error, 'secondaryColor')}
        />
      </SimpleGrid>
    </StepFrame>
  );
}

import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../../../shared/i18n';
import { fieldError } from '../../../../shared/lib/field-error';
import { kitRequest, useUpdateBrandKit, type BrandKit } from '../../hooks/use-brand-kit';
import { StepFrame } from './step-frame';

type Field = 'companyName' | 'contactName' | 'email' | 'phone' | 'website' | 'address';

interface SetupCompanyStepProps {
  partnerId: string;
  kit: BrandKit;
  onDone: () => void;
  onBack?: () => void;
  onSkip: () => void;
}

/** The details every email's footer carries (the postal address above all): saved in the brand kit. */
export function SetupCompanyStep({ partnerId, kit, onDone, onBack, onSkip }: SetupCompanyStepProps) {
  const { t } = useTranslation('portal');
  const update = useUpdateBrandKit(partnerId);
  const [values, setValues] = useState<Record<Field, string>>({
    companyName: kit.companyName,
    contactName: kit.contactName ?? '',
    email: kit.email ?? '',
    phone: kit.phone ?? '',
    website: kit.website ?? '',
    address: kit.address ?? '',
  });
  const field = (name: Field) => ({
    id: `setup-${name}`,
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: fieldError(update.error, name),
  });
  const save = () => update.mutate(kitRequest(kit, values), { onSuccess: onDone });
  return (
    <StepFrame
      title={t('setup.company.title')}
      text={t('setup.company.text')}
      action={{ label: t('setup.saveAndContinue'), onClick: save, pending: update.isPending }}
      onBack={onBack}
      onSkip={onSkip}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('brandKit.companyName')} autoComplete="organization" {...field('companyName')} />
          <TextInput label={t('brandKit.contactName')} autoComplete="name" {...field('contactName')} />
          <TextInput label={t('brandKit.email')} type="email" autoComplete="email" {...field('email')} />
          <TextInput label={t('brandKit.phone')} type="tel" autoComplete="tel" {...field('phone')} />
        </SimpleGrid>
        <TextInput
          label={t('brandKit.website')}
          type="url"
          autoComplete="url"
          placeholder={t('brandKit.websitePlaceholder')}
          {...field('website')}
        />
        <Textarea
          label={t('brandKit.address')}
          description={t('brandKit.addressHint')}
          autoComplete="street-address"
          autosize
          minRows={3}
          maxRows={7}
          {...field('address')}
        />
      </Stack>
    </StepFrame>
  );
}

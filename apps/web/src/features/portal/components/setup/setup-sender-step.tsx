import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../../../shared/i18n';
import { fieldError } from '../../../../shared/lib/field-error';
import { kitRequest, useUpdateBrandKit, type BrandKit } from '../../hooks/use-brand-kit';
import { SendingAs } from '../sending-as';
import { StepFrame } from './step-frame';

type Field = 'fromName' | 'fromEmail' | 'replyTo';

interface SetupSenderStepProps {
  partnerId: string;
  kit: BrandKit;
  onDone: () => void;
  onBack?: () => void;
  onSkip: () => void;
}

/**
 * Who the partner's emails come from. Saving mails a confirmation link to the From address; the
 * set-up goes on meanwhile (how emails go out until then is what SendingAs shows, from the API).
 */
export function SetupSenderStep({ partnerId, kit, onDone, onBack, onSkip }: SetupSenderStepProps) {
  const { t } = useTranslation('portal');
  const update = useUpdateBrandKit(partnerId);
  const [values, setValues] = useState<Record<Field, string>>({
    fromName: kit.sender?.fromName ?? '',
    fromEmail: kit.sender?.fromEmail ?? '',
    replyTo: kit.sender?.replyTo ?? '',
  });
  const field = (name: Field) => ({
    id: `setup-${name}`,
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: fieldError(update.error, `sender.${name}`),
  });
  const save = () =>
    update.mutate(kitRequest(kit, { sender: { ...values, replyTo: values.replyTo || null } }), { onSuccess: onDone });
  return (
    <StepFrame
      title={t('setup.sender.title')}
      text={t('setup.sender.text')}
      action={{ label: t('setup.saveAndContinue'), onClick: save, pending: update.isPending }}
      onBack={onBack}
      onSkip={onSkip}
    >
      <Stack gap="md">
        <SendingAs partnerId={partnerId} kit={kit} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('brandKit.fromName')} placeholder={kit.companyName} {...field('fromName')} />
          <TextInput label={t('brandKit.fromAddress')} type="email" autoComplete="email" {...field('fromEmail')} />
          <TextInput label={t('brandKit.replyTo')} type="email" {...field('replyTo')} />
        </SimpleGrid>
      </Stack>
    </StepFrame>
  );
}

import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useUpdatePartner, type Partner } from '../hooks/use-partners';

const FIELDS = ['companyName', 'tier', 'region'];

/** A partner's name, tier and region (which campaigns it may launch follows from them). */
export function EditPartnerModal({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation('partners');
  const [values, setValues] = useState({
    companyName: partner.companyName,
    tier: partner.tier,
    region: partner.region,
  });
  const update = useUpdatePartner(partner.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(values, {
      onSuccess: (p) => {
        notifications.show({ color: 'teal', message: t('edit.saved', { partner: p.companyName }) });
        onClose();
      },
    });
  };
  const field = (name: keyof typeof values) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };
  const problem = formError(update.error, FIELDS);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('edit.title', { partner: partner.companyName })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form onSubmit={submit} noValidate aria-label={t('edit.title', { partner: partner.companyName })}>
        <Stack gap="md">
          {problem ? (
            <Alert color="red" variant="light" role="alert" title={t('edit.notSaved')}>
              {problem}
            </Alert>
          ) : null}
          <TextInput
            label={t('fields.companyName')}
            required
            data-autofocus
            value={values.companyName}
            onChange={field('companyName')}
            error={fieldError(update.error, 'companyName')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('fields.tier')}
              required
              value={values.tier}
              onChange={field('tier')}
              error={fieldError(update.error, 'tier')}
            />
            <TextInput
              label={t('fields.region')}
              required
              value={values.region}
              onChange={field('region')}
              error={fieldError(update.error, 'region')}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

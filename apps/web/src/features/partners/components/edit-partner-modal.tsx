import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { TimeZoneSelect } from '../../../shared/components/time-zone-select';
import { useUpdatePartner, type Partner } from '../hooks/use-partners';

const FIELDS = ['companyName', 'tier', 'region', 'timezone', 'language', 'externalId'];

/**
 * A partner's name, tier and region (which campaigns it may launch follows from them), the time
 * zone and language its prospects get when they have none of their own, and its id in the
 * vendor's own systems (what single sign-on and SCIM name it by). An empty language or external
 * id clears it; the API judges every value.
 */
export function EditPartnerModal({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation('partners');
  const [values, setValues] = useState({
    companyName: partner.companyName,
    tier: partner.tier,
    region: partner.region,
    timezone: partner.timezone,
    language: partner.language ?? '',
    externalId: partner.externalId ?? '',
  });
  const update = useUpdatePartner(partner.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = {
      ...values,
      language: values.language.trim() || null,
      externalId: values.externalId.trim() || null,
    };
    update.mutate(changes, {
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
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TimeZoneSelect
              label={t('fields.timezone')}
              description={t('fields.timezoneHint')}
              value={values.timezone}
              onChange={(timezone) => setValues((old) => ({ ...old, timezone }))}
              error={fieldError(update.error, 'timezone')}
            />
            <TextInput
              label={t('fields.language')}
              description={t('fields.languageHint')}
              value={values.language}
              onChange={field('language')}
              error={fieldError(update.error, 'language')}
            />
          </SimpleGrid>
          <TextInput
            label={t('fields.externalId')}
            description={t('fields.externalIdHint')}
            value={values.externalId}
            onChange={field('externalId')}
            error={fieldError(update.error, 'externalId')}
          />
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

import { Alert, Button, Card, ColorInput, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useUpdateVendorBrand, type VendorBrand, type VendorBrandRequest } from '../hooks/use-vendor-brand';

const FIELDS = ['displayName', 'primaryColor', 'supportEmail', 'supportUrl'];

/** The draft the form edits and the preview shows: every text field of the brand. */
export type BrandDraft = Required<{ [K in keyof VendorBrandRequest]: string }>;

export const draftOf = (brand: VendorBrand): BrandDraft => ({
  displayName: brand.saved.displayName ?? '',
  primaryColor: brand.saved.primaryColor ?? '',
  supportEmail: brand.supportEmail ?? '',
  supportUrl: brand.supportUrl ?? '',
});

interface BrandFormProps {
  brand: VendorBrand;
  draft: BrandDraft;
  onChange: (draft: BrandDraft) => void;
}

/** Name, colour and support contacts; empty fields fall back (the vendor's name, the engine's colour). */
export function BrandForm({ brand, draft, onChange }: BrandFormProps) {
  const { t } = useTranslation('vendor-brand');
  const save = useUpdateVendorBrand();
  const set = (field: keyof BrandDraft) => (value: string) => onChange({ ...draft, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: VendorBrandRequest = {
      displayName: draft.displayName.trim() || null,
      primaryColor: draft.primaryColor.trim() || null,
      supportEmail: draft.supportEmail.trim() || null,
      supportUrl: draft.supportUrl.trim() || null,
    };
    save.mutate(body, { onSuccess: () => notifications.show({ color: 'teal', message: t('form.saved') }) });
  };
  const topError = formError(save.error, FIELDS);
  const warning = brand.warnings[0];

  return (
    <Card padding="lg" component="section" aria-labelledby="brand-title">
      <form onSubmit={submit} noValidate aria-label={t('form.label')}>
        <Title order={2} size="h3" id="brand-title" mb={4}>
          {t('form.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('form.description')}
        </Text>
        <Stack gap="md">
          {topError ? (
            <Alert color="red" variant="light" role="alert" title={t('form.notSaved')}>
              {topError}
            </Alert>
          ) : null}
          <TextInput
            id="displayName"
            label={t('form.displayName')}
            description={t('form.displayNameHint')}
            value={draft.displayName}
            onChange={(e) => set('displayName')(e.currentTarget.value)}
            error={fieldError(save.error, 'displayName')}
          />
          <ColorInput
            id="primaryColor"
            label={t('form.primaryColor')}
            description={t('form.primaryColorHint')}
            format="hex"
            // An icon alone: it needs a name.
            eyeDropperButtonProps={{ 'aria-label': t('form.eyeDropper') }}
            value={draft.primaryColor}
            onChange={set('primaryColor')}
            error={fieldError(save.error, 'primaryColor')}
          />
          {warning ? (
            <Alert color="yellow" variant="light" title={t('form.adjusted')}>
              {t('form.adjustedTo', { warning: warning.message, color: warning.suggestedColor })}
            </Alert>
          ) : null}
          <TextInput
            id="supportEmail"
            label={t('form.supportEmail')}
            type="email"
            value={draft.supportEmail}
            onChange={(e) => set('supportEmail')(e.currentTarget.value)}
            error={fieldError(save.error, 'supportEmail')}
          />
          <TextInput
            id="supportUrl"
            label={t('form.supportUrl')}
            description={t('form.supportUrlHint')}
            placeholder={t('form.supportUrlExample')}
            value={draft.supportUrl}
            onChange={(e) => set('supportUrl')(e.currentTarget.value)}
            error={fieldError(save.error, 'supportUrl')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

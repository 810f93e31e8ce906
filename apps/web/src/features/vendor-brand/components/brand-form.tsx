import { Alert, Button, Card, ColorInput, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
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
    save.mutate(body, { onSuccess: () => notifications.show({ color: 'teal', message: 'Your brand is saved.' }) });
  };
  const topError = formError(save.error, FIELDS);
  const warning = brand.warnings[0];

  return (
    <Card padding="lg" component="section" aria-labelledby="brand-title">
      <form onSubmit={submit} noValidate aria-label="Brand">
        <Title order={2} size="h3" id="brand-title" mb={4}>
          Name, colour and support
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          What your partners see in the portal, on its sign-in pages and in the emails the engine sends them.
        </Text>
        <Stack gap="md">
          {topError ? (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {topError}
            </Alert>
          ) : null}
          <TextInput
            id="displayName"
            label="Display name"
            description="The portal’s name and the sender name of emails to partners. Empty: your company name."
            value={draft.displayName}
            onChange={(e) => set('displayName')(e.currentTarget.value)}
            error={fieldError(save.error, 'displayName')}
          />
          <ColorInput
            id="primaryColor"
            label="Primary colour"
            description="Buttons, links and the active navigation. Empty: the engine’s indigo."
            format="hex"
            // An icon alone: it needs a name.
            eyeDropperButtonProps={{ 'aria-label': 'Pick the colour from the screen' }}
            value={draft.primaryColor}
            onChange={set('primaryColor')}
            error={fieldError(save.error, 'primaryColor')}
          />
          {warning ? (
            <Alert color="yellow" variant="light" title="Adjusted for reading">
              {warning.message} The portal uses {warning.suggestedColor} where white text sits on it.
            </Alert>
          ) : null}
          <TextInput
            id="supportEmail"
            label="Support email"
            type="email"
            value={draft.supportEmail}
            onChange={(e) => set('supportEmail')(e.currentTarget.value)}
            error={fieldError(save.error, 'supportEmail')}
          />
          <TextInput
            id="supportUrl"
            label="Support page"
            description="An https address."
            placeholder="https://example.com/partners/help"
            value={draft.supportUrl}
            onChange={(e) => set('supportUrl')(e.currentTarget.value)}
            error={fieldError(save.error, 'supportUrl')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save the brand
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

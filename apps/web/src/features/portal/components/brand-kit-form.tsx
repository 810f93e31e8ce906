import {
  Alert,
  Button,
  Card,
  ColorInput,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/api-error';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useUpdateBrandKit, type BrandKit, type BrandKitRequest } from '../hooks/use-brand-kit';
import { SendingAs } from './sending-as';

interface Values {
  companyName: string;
  contactName: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  primaryColor: string;
  secondaryColor: string;
  fromName: string;
  fromEmail: string;
  replyTo: string;
}

/**
 * Each field's element id: the API's path for the field, and the address's fragment
 * (`/portal/brand-kit#address`, as the campaign's readiness links to it).
 */
const FIELD_IDS: Record<string, string> = {
  companyName: 'companyName',
  contactName: 'contactName',
  email: 'email',
  phone: 'phone',
  website: 'website',
  address: 'address',
  primaryColor: 'primaryColor',
  secondaryColor: 'secondaryColor',
  'sender.fromName': 'senderFromName',
  'sender.fromEmail': 'senderFromEmail',
  'sender.replyTo': 'senderReplyTo',
};

const valuesOf = (kit: BrandKit): Values => ({
  companyName: kit.companyName,
  contactName: kit.contactName ?? '',
  email: kit.email ?? '',
  phone: kit.phone ?? '',
  website: kit.website ?? '',
  address: kit.address ?? '',
  primaryColor: kit.primaryColor ?? '',
  secondaryColor: kit.secondaryColor ?? '',
  fromName: kit.sender?.fromName ?? '',
  fromEmail: kit.sender?.fromEmail ?? '',
  replyTo: kit.sender?.replyTo ?? '',
});

/** The form as the PUT takes it: an empty field clears it; no sender field filled in means no sender identity. */
const requestOf = ({ fromName, fromEmail, replyTo, ...fields }: Values): BrandKitRequest => ({
  ...fields,
  sender: fromName || fromEmail || replyTo ? { fromName, fromEmail, replyTo: replyTo || null } : null,
});

/** The brand kit's fields but the logo, saved together; the API checks each and names what it refuses. */
export function BrandKitForm({ partnerId, kit }: { partnerId: string; kit: BrandKit }) {
  const { t } = useTranslation('portal');
  const [values, setValues] = useState(() => valuesOf(kit));
  const update = useUpdateBrandKit(partnerId);
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const text = (field: keyof Values) => ({
    id: FIELD_IDS[field] ?? field,
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field)(e.currentTarget.value),
    error: fieldError(update.error, field),
  });
  const sender = (field: 'fromName' | 'fromEmail' | 'replyTo') => ({
    ...text(field),
    id: FIELD_IDS[`sender.${field}`],
    error: fieldError(update.error, `sender.${field}`),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(requestOf(values), {
      onSuccess: (saved) => {
        setValues(valuesOf(saved));
        notifications.show({ color: 'teal', message: t('brandKit.saved') });
      },
      onError: (error) => {
        // The keyboard goes where the first refusal is, so it is read out and fixed there.
        const first =
          error instanceof ApiError ? error.problems.map((p) => FIELD_IDS[p.path]).find(Boolean) : undefined;
        if (first) document.getElementById(first)?.focus();
      },
    });
  };
  const topError = formError(update.error, Object.keys(FIELD_IDS));
  const warnings = (field: 'primaryColor' | 'secondaryColor') => kit.warnings.filter((w) => w.field === field);

  return (
    <form onSubmit={submit} noValidate aria-label={t('brandKit.form')}>
      <Stack gap="lg">
        <Card padding="lg" component="section" aria-labelledby="company-title">
          <Title order={2} size="h3" id="company-title" mb={4}>
            {t('brandKit.company')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('brandKit.companyText')}
          </Text>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('brandKit.companyName')}
                description={t('brandKit.companyNameHint')}
                // Below the box, so the boxes of the two columns line up.
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                autoComplete="organization"
                {...text('companyName')}
              />
              <TextInput label={t('brandKit.contactName')} autoComplete="name" {...text('contactName')} />
              <TextInput label={t('brandKit.email')} type="email" autoComplete="email" {...text('email')} />
              <TextInput label={t('brandKit.phone')} type="tel" autoComplete="tel" {...text('phone')} />
            </SimpleGrid>
            <TextInput
              label={t('brandKit.website')}
              type="url"
              autoComplete="url"
              placeholder={t('brandKit.websitePlaceholder')}
              {...text('website')}
            />
            <Textarea
              label={t('brandKit.address')}
              description={t('brandKit.addressHint')}
              autoComplete="street-address"
              autosize
              minRows={3}
              maxRows={7}
              {...text('address')}
            />
          </Stack>
        </Card>

        <Card padding="lg" component="section" aria-labelledby="colours-title">
          <Title order={2} size="h3" id="colours-title" mb={4}>
            {t('brandKit.colours')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('brandKit.coloursText')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {(['primaryColor', 'secondaryColor'] as const).map((field) => (
              <Stack key={field} gap="xs">
                <ColorInput
                  label={field === 'primaryColor' ? t('brandKit.primaryColour') : t('brandKit.secondaryColour')}
                  format="hex"
                  // The API judges the colour: what is typed is sent as it is, never quietly put back.
                  fixOnBlur={false}
                  eyeDropperButtonProps={{ 'aria-label': t('brandKit.pickColour') }}
                  {...text(field)}
                  onChange={set(field)}
                />
                {warnings(field).map((w) => (
                  <Alert
                    key={w.color}
                    color="yellow"
                    variant="light"
                    p="xs"
                    styles={{ message: { color: 'var(--mantine-color-dark-8)' } }}
                  >
                    <Stack gap={6} align="flex-start">
                      <Text size="sm">{w.message}</Text>
                      {values[field].toLowerCase() !== w.suggestedColor.toLowerCase() ? (
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => set(field)(w.suggestedColor)}
                          leftSection={<Swatch color={w.suggestedColor} />}
                        >
                          {t('brandKit.use', { color: w.suggestedColor })}
                        </Button>
                      ) : null}
                    </Stack>
                  </Alert>
                ))}
              </Stack>
            ))}
          </SimpleGrid>
        </Card>

        <Card
          padding="lg"
          component="section"
          id="sender"
          aria-labelledby="sender-title"
          style={{ scrollMarginTop: 80 }}
        >
          <Title order={2} size="h3" id="sender-title" mb={4}>
            {t('brandKit.sender')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('brandKit.senderText')}
          </Text>
          <Stack gap="md">
            <SendingAs partnerId={partnerId} kit={kit} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('brandKit.fromName')} placeholder={kit.companyName} {...sender('fromName')} />
              <TextInput label={t('brandKit.fromAddress')} type="email" autoComplete="email" {...sender('fromEmail')} />
              <TextInput label={t('brandKit.replyTo')} type="email" {...sender('replyTo')} />
            </SimpleGrid>
          </Stack>
        </Card>

        {topError ? (
          <Alert color="red" variant="light" role="alert" title={t('brandKit.notSaved')}>
            <Text size="sm">{topError}</Text>
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="md">
          {update.error && !topError ? (
            <Text size="sm" c="red.9" role="alert">
              {t('brandKit.fixFields')}
            </Text>
          ) : null}
          <Button type="submit" size="md" w={{ base: '100%', xs: 'auto' }} loading={update.isPending}>
            {t('brandKit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        borderRadius: 3,
        background: color,
        border: '1px solid var(--mantine-color-gray-4)',
      }}
    />
  );
}

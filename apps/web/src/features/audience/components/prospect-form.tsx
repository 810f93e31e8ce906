import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useUpdateProspect, type Prospect, type ProspectChanges } from '../hooks/use-prospects';

type Field = Exclude<keyof ProspectChanges, 'custom'>;

const FIELDS: Array<{ name: Field; type?: string }> = [
  { name: 'email', type: 'email' },
  { name: 'firstName' },
  { name: 'lastName' },
  { name: 'company' },
  { name: 'title' },
  { name: 'country' },
  { name: 'timezone' },
  { name: 'language' },
  { name: 'consentSource' },
];

/** Each field's label, and what to write in it where that is not plain. */
function useFieldText(): Record<Field, { label: string; description?: string }> {
  const { t } = useTranslation('audience');
  return {
    email: { label: t('form.email') },
    firstName: { label: t('form.firstName') },
    lastName: { label: t('form.lastName') },
    company: { label: t('form.company') },
    title: { label: t('form.title') },
    country: { label: t('form.country') },
    timezone: { label: t('form.timezone'), description: t('form.timezoneHint') },
    language: { label: t('form.language'), description: t('form.languageHint') },
    consentSource: { label: t('form.consentSource'), description: t('form.consentSourceHint') },
  };
}

const valuesOf = (p: Prospect): Record<Field, string> => ({
  email: p.email,
  firstName: p.firstName ?? '',
  lastName: p.lastName ?? '',
  company: p.company ?? '',
  title: p.title ?? '',
  country: p.country ?? '',
  timezone: p.timezone ?? '',
  language: p.language ?? '',
  consentSource: p.consentSource ?? '',
});

/** The prospect's fields, saved with PATCH; the API's problem with a field shows under it. */
export function ProspectForm({ partnerId, prospect }: { partnerId: string; prospect: Prospect }) {
  const { t } = useTranslation('audience');
  const text = useFieldText();
  const [values, setValues] = useState(() => valuesOf(prospect));
  const update = useUpdateProspect(partnerId, prospect.id);
  const saved = valuesOf(prospect);
  const changed = FIELDS.filter((f) => values[f.name] !== saved[f.name]).map((f) => f.name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what was changed; an emptied field is cleared (null), except the email, which the API requires.
    const body: ProspectChanges = Object.fromEntries(
      changed.map((name) => [name, name === 'email' ? values.email : values[name] || null]),
    );
    update.mutate(body, {
      onSuccess: (p) => {
        setValues(valuesOf(p));
        notifications.show({ color: 'teal', message: t('form.saved') });
      },
    });
  };
  const problem = formError(
    update.error,
    FIELDS.map((f) => f.name),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('form.label')}>
      <Stack gap="md">
        {problem ? (
          <Alert color="red" variant="light" role="alert" title={t('form.notSaved')}>
            {problem}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {FIELDS.map((f) => (
            <TextInput
              key={f.name}
              label={text[f.name].label}
              description={text[f.name].description}
              type={f.type}
              autoComplete="off"
              required={f.name === 'email'}
              value={values[f.name]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((v) => ({ ...v, [f.name]: value }));
              }}
              error={fieldError(update.error, f.name)}
            />
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={update.isPending} disabled={!changed.length}>
            {t('form.save')}
          </Button>
          {changed.length ? (
            <Button
              variant="default"
              onClick={() => {
                setValues(saved);
                update.reset();
              }}
            >
              {t('form.undo')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useUpdateProspect, type Prospect, type ProspectChanges } from '../hooks/use-prospects';

type Field = Exclude<keyof ProspectChanges, 'custom'>;

const FIELDS: Array<{ name: Field; label: string; type?: string; autoComplete?: string; description?: string }> = [
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'off' },
  { name: 'firstName', label: 'First name', autoComplete: 'off' },
  { name: 'lastName', label: 'Last name', autoComplete: 'off' },
  { name: 'company', label: 'Company', autoComplete: 'off' },
  { name: 'title', label: 'Job title', autoComplete: 'off' },
  { name: 'country', label: 'Country', autoComplete: 'off' },
  {
    name: 'timezone',
    label: 'Time zone',
    description: 'An IANA zone such as Europe/Warsaw; empty: your own zone applies.',
    autoComplete: 'off',
  },
  {
    name: 'consentSource',
    label: 'Consent source',
    description: 'Where this person agreed to hear from you.',
    autoComplete: 'off',
  },
];

const valuesOf = (p: Prospect): Record<Field, string> => ({
  email: p.email,
  firstName: p.firstName ?? '',
  lastName: p.lastName ?? '',
  company: p.company ?? '',
  title: p.title ?? '',
  country: p.country ?? '',
  timezone: p.timezone ?? '',
  consentSource: p.consentSource ?? '',
});

/** The prospect's fields, saved with PATCH; the API's problem with a field shows under it. */
export function ProspectForm({ partnerId, prospect }: { partnerId: string; prospect: Prospect }) {
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
        notifications.show({ color: 'teal', message: 'The prospect is saved.' });
      },
    });
  };
  const problem = formError(
    update.error,
    FIELDS.map((f) => f.name),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="The prospect’s details">
      <Stack gap="md">
        {problem ? (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {problem}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {FIELDS.map((f) => (
            <TextInput
              key={f.name}
              label={f.label}
              description={f.description}
              type={f.type}
              autoComplete={f.autoComplete}
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
            Save changes
          </Button>
          {changed.length ? (
            <Button
              variant="default"
              onClick={() => {
                setValues(saved);
                update.reset();
              }}
            >
              Undo changes
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

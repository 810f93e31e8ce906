import { Alert, Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../../shared/i18n';
import { fieldError, formError } from '../../../../shared/lib/field-error';
import { useAddProspect } from '../../hooks/use-setup';

const FIELDS = ['email', 'firstName', 'lastName', 'company', 'consentSource'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { email: '', firstName: '', lastName: '', company: '', consentSource: '' };

/** A few people added by hand, one at a time: the form empties after each, ready for the next. */
export function AddProspectForm({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('portal');
  const add = useAddProspect(partnerId);
  const [values, setValues] = useState(EMPTY);
  const field = (name: Field) => ({
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: fieldError(add.error, name),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const orNull = (name: Field) => values[name].trim() || null;
    add.mutate(
      {
        email: values.email,
        firstName: orNull('firstName'),
        lastName: orNull('lastName'),
        company: orNull('company'),
        consentSource: orNull('consentSource'),
      },
      {
        onSuccess: (prospect) => {
          setValues(EMPTY);
          notifications.show({ color: 'teal', message: t('setup.audience.added', { email: prospect.email }) });
        },
      },
    );
  };
  const message = formError(add.error, [...FIELDS]);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-add-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="setup-add-title">
          {t('setup.audience.byHand')}
        </Title>
        {message ? (
          <Alert color="red" variant="light" role="alert">
            {message}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('setup.audience.email')} type="email" required {...field('email')} />
          <TextInput label={t('setup.audience.company')} {...field('company')} />
          <TextInput label={t('setup.audience.firstName')} {...field('firstName')} />
          <TextInput label={t('setup.audience.lastName')} {...field('lastName')} />
        </SimpleGrid>
        <TextInput
          label={t('setup.audience.consentSource')}
          description={t('setup.audience.consentSourceHint')}
          {...field('consentSource')}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('setup.audience.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

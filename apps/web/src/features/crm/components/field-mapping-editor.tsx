import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useTranslation } from '../../../shared/i18n';
import { useCrmNames } from '../crm-names';
import {
  canAdd,
  choicesFor,
  mappingOf,
  newFieldName,
  problemPath,
  rowsOf,
  withAdded,
  withCrmField,
  withRemoved,
  type DefaultLeadField,
  type MappingRow,
} from '../field-mapping';
import { useCrmFields, useSaveCrmFieldMapping, type CrmConnection } from '../hooks/use-crm';

/**
 * Which lead field goes to which CRM field: each default lead field, the form fields the
 * connection added, and a way to add another by its name. the CRM's own fields are the choices;
 * the API checks the whole mapping against them and names each field it refuses.
 */
export function FieldMappingEditor({ connection }: { connection: CrmConnection }) {
  const { t } = useTranslation('crm');
  const crm = useCrmNames()[connection.provider];
  const fields = useCrmFields(connection.id, connection.status === 'active');
  const save = useSaveCrmFieldMapping(connection.id);
  const [rows, setRows] = useState<MappingRow[]>(() => rowsOf(connection));
  const [typed, setTyped] = useState('');
  const titleId = `crm-mapping-${connection.id}`;
  const name = newFieldName(typed);
  const leadFieldName = (field: DefaultLeadField): string => {
    switch (field) {
      case 'first_name':
        return t('leadField.firstName');
      case 'last_name':
        return t('leadField.lastName');
      case 'company':
        return t('leadField.company');
      case 'title':
        return t('leadField.title');
      case 'country':
        return t('leadField.country');
      case 'phone':
        return t('leadField.phone');
    }
  };
  const problemFields = rows.map((r) => problemPath(r.field));
  const general = formError(save.error, problemFields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(mappingOf(rows), {
      onSuccess: (saved) => {
        setRows(rowsOf(saved));
        notifications.show({ color: 'teal', message: t('mapping.saved') });
      },
    });
  };
  const add = () => {
    if (!canAdd(rows, name)) return;
    setRows(withAdded(rows, name));
    setTyped('');
  };

  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm" p="md" className={classes.panel}>
      <Title order={2} size="h3" id={titleId}>
        {t('mapping.title', { account: connection.accountName })}
      </Title>
      <Text size="sm">{t('mapping.text', { crm })}</Text>
      {fields.isError ? (
        <Alert
          color="yellow"
          variant="light"
          title={t('mapping.fieldsUnreadable', { crm })}
          styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
        >
          <Text size="sm">{fields.error.message}</Text>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-labelledby={titleId}>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('mapping.email', { crm })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
            {rows.map((row) => {
              const label = row.custom ? row.field : leadFieldName(row.field as DefaultLeadField);
              const select = (
                <NativeSelect
                  label={label}
                  description={row.custom ? t('mapping.formField') : row.field}
                  value={row.crmField}
                  onChange={(e) => setRows(withCrmField(rows, row.field, e.currentTarget.value))}
                  data={[
                    { value: '', label: row.custom ? t('mapping.chooseField', { crm }) : t('mapping.leaveOut') },
                    ...choicesFor(fields.data?.items ?? [], row.crmField),
                  ]}
                  error={fieldError(save.error, problemPath(row.field))}
                  disabled={fields.isPending && fields.fetchStatus !== 'idle'}
                  w="100%"
                />
              );
              return row.custom ? (
                <Stack key={row.field} gap={4} align="flex-start">
                  {select}
                  <Button
                    variant="default"
                    size="compact-sm"
                    onClick={() => setRows(withRemoved(rows, row.field))}
                    aria-label={t('mapping.removeLabel', { field: row.field })}
                  >
                    {t('mapping.remove')}
                  </Button>
                </Stack>
              ) : (
                <div key={row.field}>{select}</div>
              );
            })}
          </SimpleGrid>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t('mapping.addLabel')}
              description={t('mapping.addHint')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
              style={{ flex: '1 1 220px', maxWidth: 360 }}
            />
            <Button variant="default" onClick={add} disabled={!canAdd(rows, name)}>
              {t('mapping.add')}
            </Button>
          </Group>
          {general ? (
            <Alert color="red" variant="light" title={t('mapping.notSaved')} role="alert">
              {general}
            </Alert>
          ) : save.error ? (
            <Text size="sm" c="red.9" role="alert">
              {t('mapping.fixFields')}
            </Text>
          ) : null}
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('mapping.save')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}

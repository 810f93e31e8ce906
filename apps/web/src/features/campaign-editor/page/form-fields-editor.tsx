import { Button, Checkbox, Group, Select, Stack, Table, TextInput, VisuallyHidden } from '@mantine/core';
import type { FieldProblem } from '../../../api/api-error';
import { useTranslation } from '../../../shared/i18n';
import type { PageField } from '../hooks/use-draft-edits';
import { messageIn } from '../problems';

const TYPES: PageField['type'][] = ['email', 'text', 'tel', 'textarea', 'checkbox'];

interface FormFieldsEditorProps {
  fields: PageField[];
  onChange: (fields: PageField[]) => void;
  /** The problems of the page, paths relative to it (`form.fields[1].name`). */
  problems: FieldProblem[];
}

/** The form's fields, one row each: the prospect field it fills, its label, its kind and whether it is required. */
export function FormFieldsEditor({ fields, onChange, problems }: FormFieldsEditorProps) {
  const { t } = useTranslation('campaign-editor');
  const labels: Record<PageField['type'], string> = {
    email: t('landingPage.types.email'),
    text: t('landingPage.types.text'),
    tel: t('landingPage.types.tel'),
    textarea: t('landingPage.types.textarea'),
    checkbox: t('landingPage.types.checkbox'),
  };
  const types = TYPES.map((value) => ({ value, label: labels[value] }));
  const set = (i: number, change: Partial<PageField>) =>
    onChange(fields.map((f, j) => (j === i ? { ...f, ...change } : f)));
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label={t('landingPage.fields')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('landingPage.fieldName')}</Table.Th>
              <Table.Th>{t('landingPage.fieldLabel')}</Table.Th>
              <Table.Th>{t('landingPage.fieldType')}</Table.Th>
              <Table.Th>{t('landingPage.fieldRequired')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('assets.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field, i) => {
              const at = (name: string) => messageIn(t, problems, `form.fields[${i}].${name}`);
              const row = i + 1;
              return (
                <Table.Tr key={i}>
                  <Table.Td>
                    <TextInput
                      aria-label={t('landingPage.fieldNameOf', { row })}
                      value={field.name}
                      onChange={(e) => set(i, { name: e.currentTarget.value })}
                      error={at('name') ?? messageIn(t, problems, `form.fields[${i}]`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('landingPage.fieldLabelOf', { row })}
                      value={field.label}
                      onChange={(e) => set(i, { label: e.currentTarget.value })}
                      error={at('label')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('landingPage.fieldTypeOf', { row })}
                      data={types}
                      value={field.type}
                      allowDeselect={false}
                      onChange={(v) => v && set(i, { type: TYPES.find((type) => type === v) ?? field.type })}
                      error={at('type')}
                      w={150}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('landingPage.fieldRequiredOf', { row })}
                      checked={field.required}
                      onChange={(e) => set(i, { required: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="default"
                      c="red.9"
                      aria-label={t('landingPage.removeFieldOf', { row })}
                      onClick={() => onChange(fields.filter((_, j) => j !== i))}
                    >
                      {t('landingPage.removeField')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button
          size="xs"
          variant="default"
          onClick={() => onChange([...fields, { name: '', label: '', type: 'text', required: false }])}
        >
          {t('landingPage.addField')}
        </Button>
      </Group>
    </Stack>
  );
}

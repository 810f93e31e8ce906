import { useTranslation } from '../../../shared/i18n';
import { Checkbox, Fieldset, Select, Stack, Text } from '@mantine/core';
import type { FieldProblem } from '../../../api/api-error';
import { messageIn } from '../problems';
import type { SequenceInput } from './use-sequence';

/** Not a link name (the API's start with a lower-case letter). */
const NO_LINK = '(none)';

/** When a prospect leaves the sequence before its last step. */
export function ExitFields({
  exit,
  links,
  problems,
  disabled,
  onChange,
}: {
  exit: SequenceInput['exit'];
  links: string[];
  problems: FieldProblem[];
  disabled: boolean;
  onChange: (exit: SequenceInput['exit']) => void;
}) {
  const { t } = useTranslation('campaign-editor');
  return (
    <Fieldset legend={t('sequence.exit.legend')} variant="filled">
      <Stack gap="sm">
        <Text size="sm">{t('sequence.exit.intro')}</Text>
        <Select
          label={t('sequence.exit.clicked')}
          description={links.length ? t('sequence.exit.oneOfLinks') : t('sequence.exit.noLinks')}
          data={[{ value: NO_LINK, label: t('sequence.exit.noLink') }, ...links.map((l) => ({ value: l, label: l }))]}
          value={exit.clickedLink ?? NO_LINK}
          allowDeselect={false}
          onChange={(v) => onChange({ ...exit, clickedLink: v && v !== NO_LINK ? v : null })}
          error={messageIn(t, problems, 'exit.clickedLink')}
          disabled={disabled}
          maw={420}
        />
        <Checkbox
          label={t('sequence.exit.converted')}
          checked={exit.converted}
          onChange={(e) => onChange({ ...exit, converted: e.currentTarget.checked })}
          error={messageIn(t, problems, 'exit.converted')}
          disabled={disabled}
        />
      </Stack>
    </Fieldset>
  );
}

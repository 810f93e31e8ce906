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
  return (
    <Fieldset legend="Exit rules" variant="filled">
      <Stack gap="sm">
        <Text size="sm">A prospect who unsubscribes always leaves the sequence. It also leaves:</Text>
        <Select
          label="When the prospect clicks the link"
          description={links.length ? 'One of the campaign’s links' : 'The campaign has no link yet'}
          data={[
            { value: NO_LINK, label: 'No link: clicks never end it' },
            ...links.map((l) => ({ value: l, label: l })),
          ]}
          value={exit.clickedLink ?? NO_LINK}
          allowDeselect={false}
          onChange={(v) => onChange({ ...exit, clickedLink: v && v !== NO_LINK ? v : null })}
          error={messageIn(problems, 'exit.clickedLink')}
          disabled={disabled}
          maw={420}
        />
        <Checkbox
          label="When the prospect is marked converted"
          checked={exit.converted}
          onChange={(e) => onChange({ ...exit, converted: e.currentTarget.checked })}
          error={messageIn(problems, 'exit.converted')}
          disabled={disabled}
        />
      </Stack>
    </Fieldset>
  );
}

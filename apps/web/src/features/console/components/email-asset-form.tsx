import { Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { EmailInput } from '../hooks/use-draft-edits';
import { headline, messageIn, problemsOfItem } from '../problems';
import { ProblemsAlert } from './problems-alert';

const FIELDS = ['name', 'subject', 'preheader', 'mjml'];

/** What a new email starts from: the footer every email must carry (the unsubscribe link and the partner's address). */
export const NEW_EMAIL: EmailInput = {
  name: '',
  subject: '',
  preheader: '',
  mjml: '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Hello {{prospect.first_name}},</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n',
};

interface EmailAssetFormProps {
  title: string;
  initial: EmailInput;
  /** Where the API reports this email's problems: `assets[<index>]`. */
  index: number;
  saving: boolean;
  error: unknown;
  onSave: (email: EmailInput) => void;
  onCancel: () => void;
}

/**
 * An email's name, subject, preheader and MJML, checked by the API on save: its problems show
 * at their fields, a template's with their lines. A plain text area for now; a code editor with
 * a live preview replaces this component.
 */
export function EmailAssetForm({ title, initial, index, saving, error, onSave, onCancel }: EmailAssetFormProps) {
  const [email, setEmail] = useState(initial);
  const { mine, others } = problemsOfItem(error, `assets[${index}]`, FIELDS);
  const change = (field: keyof EmailInput) => (value: string) => setEmail((e) => ({ ...e, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(email);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="email-form-title">
      <Stack gap="md" p="md" bg="white" style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}>
        <Title order={3} size="h4" id="email-form-title">
          {title}
        </Title>
        <ProblemsAlert title="Not saved" message={headline(error)} problems={others} />
        <TextInput label="Name" description="For you: partners see the subject" required value={email.name} onChange={(e) => change('name')(e.currentTarget.value)} error={messageIn(mine, 'name')} />
        <TextInput label="Subject" description="May use {{partner.…}} and {{prospect.…}}" required value={email.subject} onChange={(e) => change('subject')(e.currentTarget.value)} error={messageIn(mine, 'subject')} />
        <TextInput label="Preheader" description="The line inboxes show after the subject" value={email.preheader} onChange={(e) => change('preheader')(e.currentTarget.value)} error={messageIn(mine, 'preheader')} />
        <Textarea
          label="MJML"
          description="Every email needs {{links.unsubscribe}} and the partner’s postal address slot, outside any {{#if}}"
          required
          autosize
          minRows={12}
          maxRows={30}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          value={email.mjml}
          onChange={(e) => change('mjml')(e.currentTarget.value)}
          error={messageIn(mine, 'mjml')}
        />
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            Save the email
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

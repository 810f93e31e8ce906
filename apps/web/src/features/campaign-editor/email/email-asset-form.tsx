import { useTranslation } from '../../../shared/i18n';
import { Button, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { FieldSuggestions } from '../components/field-suggestions';
import { ProblemsAlert } from '../components/problems-alert';
import { useAssistantStatus } from '../hooks/use-assistant';
import type { EmailInput } from '../hooks/use-draft-edits';
import { useLiveProblems } from '../hooks/use-live-problems';
import { describeProblem, headline, messageIn } from '../problems';
import { SAMPLE_PARTNER } from '../components/preview-controls';
import { EmailPreview } from './email-preview';
import { InsertPalette } from './insert-palette';
import { MjmlEditor, type MjmlEditorHandle } from './mjml-editor';
import { RewriteSelection } from './rewrite-selection';
import { useDraftVocabulary, useEmailCheck } from './use-email-check';

const FIELDS = ['name', 'subject', 'preheader', 'mjml'];
/** How long typing pauses before the API checks the email again. */
const CHECK_DEBOUNCE_MS = 300;

/** What a new email starts from: the footer every email must carry (the unsubscribe link and the partner's address). */
export const NEW_EMAIL: EmailInput = {
  name: '',
  subject: '',
  preheader: '',
  mjml: '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Hello {{prospect.first_name}},</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n',
};

interface EmailAssetFormProps {
  campaignId: string;
  /** The email being edited; null for a new one. */
  assetId: string | null;
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
 * An email's name, subject, preheader and MJML. As the marketer types, the API checks the
 * email without saving it: its problems show at their fields and, in the code editor, at
 * their lines; the preview beside it is the email rendered as the chosen partner. Saving
 * goes through the same check.
 */
export function EmailAssetForm({
  campaignId,
  assetId,
  title,
  initial,
  index,
  saving,
  error,
  onSave,
  onCancel,
}: EmailAssetFormProps) {
  const { t } = useTranslation('campaign-editor');
  // The text as typed, and its revision: one more at each edit, so answers are ordered by the text they were asked about.
  const [draft, setDraft] = useState({ email: initial, revision: 0 });
  const { email } = draft;
  const [partnerId, setPartnerId] = useState(SAMPLE_PARTNER);
  const [checked] = useDebouncedValue(draft, CHECK_DEBOUNCE_MS);
  const check = useEmailCheck(campaignId, assetId, partnerId === SAMPLE_PARTNER ? null : partnerId, checked.email);
  const vocabulary = useDraftVocabulary(campaignId);
  const editor = useRef<MjmlEditorHandle | null>(null);
  // The model's suggestions, when the installation has one: drawn from the saved email, so offered once it is saved.
  const assistant = useAssistantStatus().data?.enabled ?? false;
  const suggestFor = assistant ? assetId : null;
  // The revision the last save sent: its refusal speaks of that text.
  const [savedRevision, setSavedRevision] = useState<number | null>(null);

  const { mine, others } = useLiveProblems({
    checked: check.data && !check.isPlaceholderData ? check.data.problems : undefined,
    checkedRevision: checked.revision,
    error,
    savedRevision,
    index,
    fields: FIELDS,
  });
  const mjmlMessages = useMemo(() => mine.filter((p) => p.path === 'mjml'), [mine]);
  const placeholders = vocabulary.data?.entries ?? [];
  const textPlaceholders = placeholders.filter((e) => e.inText && e.kind !== 'link');
  const stale = checked !== draft || check.isFetching;
  const change = (field: keyof EmailInput) => (value: string) =>
    setDraft((d) => ({ email: { ...d.email, [field]: value }, revision: d.revision + 1 }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSavedRevision(draft.revision);
    onSave(email);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="email-form-title">
      <Stack gap="md" p="md" className={classes.panel}>
        <Title order={3} size="h4" id="email-form-title">
          {title}
        </Title>
        <ProblemsAlert title={t('notSaved')} message={headline(error)} problems={others} />
        <TextInput
          label={t('name')}
          description={t('email.nameHint')}
          required
          value={email.name}
          onChange={(e) => change('name')(e.currentTarget.value)}
          error={messageIn(t, mine, 'name')}
        />
        <TextInput
          label={t('email.subject')}
          description={
            textPlaceholders.length
              ? t('email.subjectHintSome', {
                  placeholders: textPlaceholders
                    .map((e) => `{{${e.variable}}}`)
                    .slice(0, 4)
                    .join(', '),
                })
              : t('email.subjectHint', { partner: '{{partner.…}}', prospect: '{{prospect.…}}' })
          }
          required
          value={email.subject}
          onChange={(e) => change('subject')(e.currentTarget.value)}
          error={messageIn(t, mine, 'subject')}
        />
        {suggestFor ? (
          <FieldSuggestions
            campaignId={campaignId}
            request={{ purpose: 'subject_lines', assetId: suggestFor }}
            label={t('suggest.subjectLines')}
            onUse={change('subject')}
          />
        ) : null}
        <TextInput
          label={t('email.preheader')}
          description={t('email.preheaderHint')}
          value={email.preheader}
          onChange={(e) => change('preheader')(e.currentTarget.value)}
          error={messageIn(t, mine, 'preheader')}
        />
        {suggestFor ? (
          <FieldSuggestions
            campaignId={campaignId}
            request={{ purpose: 'preheaders', assetId: suggestFor }}
            label={t('suggest.preheaders')}
            onUse={change('preheader')}
          />
        ) : assistant ? (
          <Text size="sm" c="dimmed">
            {t('suggest.saveFirst')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Group justify="space-between" align="center" gap="xs">
              {/* eslint-disable-next-line tcma/no-untranslated-text -- the template language's own name */}
              <Text id="mjml-label" size="sm" fw={500}>
                MJML{' '}
                <Text span c="red" aria-hidden>
                  *
                </Text>
              </Text>
              <Group gap="xs">
                {suggestFor ? <RewriteSelection campaignId={campaignId} assetId={suggestFor} editor={editor} /> : null}
                <InsertPalette vocabulary={vocabulary.data} onInsert={(text) => editor.current?.insert(text)} />
              </Group>
            </Group>
            <Text id="mjml-description" size="xs" c="dimmed">
              {t('email.mjmlHint', { open: '{{', unsubscribe: '{{links.unsubscribe}}', ifBlock: '{{#if}}' })}
            </Text>
            <MjmlEditor
              value={email.mjml}
              onChange={change('mjml')}
              problems={mjmlMessages}
              placeholders={placeholders}
              labelId="mjml-label"
              describedBy="mjml-description mjml-problems"
              ref={editor}
            />
            <div id="mjml-problems" role="status" aria-live="polite">
              {stale && check.isFetching ? (
                <Group gap={6}>
                  <Loader size={12} />
                  <Text size="xs" c="dimmed">
                    {t('email.checking')}
                  </Text>
                </Group>
              ) : check.isError ? (
                <Text size="sm" c="red.9">
                  {t('email.checkFailed', { message: check.error.message })}
                </Text>
              ) : check.data && mjmlMessages.length === 0 ? (
                <Text size="sm" c="teal.9">
                  {t('email.noProblem')}
                </Text>
              ) : null}
              {mjmlMessages.length ? (
                <Stack gap={2} component="ul" m={0} pl="md" aria-label={t('email.problems')}>
                  {mjmlMessages.map((p) => (
                    <Text
                      component="li"
                      size="sm"
                      c="red.9"
                      key={`${p.line ?? ''}${p.message}`}
                      className="wrap-anywhere"
                    >
                      {describeProblem(t, p)}
                    </Text>
                  ))}
                </Stack>
              ) : null}
            </div>
          </Stack>
          <EmailPreview check={check.data} stale={stale} partnerId={partnerId} onPartnerChange={setPartnerId} />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {t('email.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

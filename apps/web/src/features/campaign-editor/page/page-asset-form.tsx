import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation, type TFunction } from '../../../shared/i18n';
import { ProblemsAlert } from '../components/problems-alert';
import { SAMPLE_PARTNER } from '../components/preview-controls';
import type { PageInput } from '../hooks/use-draft-edits';
import { useLiveProblems } from '../hooks/use-live-problems';
import { describeProblem, headline, messageIn } from '../problems';
import { FormFieldsEditor } from './form-fields-editor';
import { PagePreview } from './page-preview';
import { usePageCheck } from './use-page-check';

const FIELDS = ['name', 'title', 'html', 'noindex', 'form'];
/** How long typing pauses before the API checks the page again. */
const CHECK_DEBOUNCE_MS = 300;

/** What a new page starts from: a heading, a paragraph and the form's place, with the one field every form needs. */
export function newPage(t: TFunction<'campaign-editor'>): PageInput {
  return {
    name: '',
    title: t('campaign-editor:landingPage.new.title', { partner: '{{partner.company_name}}' }),
    html: t('campaign-editor:landingPage.new.html', {
      partner: '{{partner.company_name}}',
      form: '<div data-tcma-form></div>',
    }),
    noindex: false,
    form: {
      fields: [{ name: 'email', label: t('campaign-editor:landingPage.new.email'), type: 'email', required: true }],
      consent: null,
      submitLabel: t('campaign-editor:landingPage.new.submit'),
      successMessage: t('campaign-editor:landingPage.new.success'),
      onSubmit: 'none',
    },
  };
}

interface PageAssetFormProps {
  campaignId: string;
  /** The page being edited; null for a new one. */
  assetId: string | null;
  title: string;
  initial: PageInput;
  /** Where the API reports this page's problems: `assets[<index>]`. */
  index: number;
  saving: boolean;
  error: unknown;
  onSave: (page: PageInput) => void;
  onCancel: () => void;
}

/**
 * The landing page's name, title, HTML and form. As the marketer types, the API checks the page
 * without saving it: its problems show at their fields (the HTML's at their lines), and the
 * preview beside it is the page as the chosen partner would serve it. Saving goes through the
 * same check; the page's versions in other languages are kept as they are.
 */
export function PageAssetForm(props: PageAssetFormProps) {
  const { campaignId, assetId, title, initial, index, saving, error, onSave, onCancel } = props;
  const { t } = useTranslation('campaign-editor');
  const [draft, setDraft] = useState({ page: initial, revision: 0 });
  const { page } = draft;
  const [partnerId, setPartnerId] = useState(SAMPLE_PARTNER);
  const [checked] = useDebouncedValue(draft, CHECK_DEBOUNCE_MS);
  const check = usePageCheck(campaignId, assetId, partnerId === SAMPLE_PARTNER ? null : partnerId, checked.page);
  const [savedRevision, setSavedRevision] = useState<number | null>(null);
  const { mine, others } = useLiveProblems({
    checked: check.data && !check.isPlaceholderData ? check.data.problems : undefined,
    checkedRevision: checked.revision,
    error,
    savedRevision,
    index,
    fields: FIELDS,
  });
  const htmlProblems = mine.filter((p) => p.path === 'html');
  const stale = checked !== draft || check.isFetching;
  const edit = (change: Partial<PageInput>) =>
    setDraft((d) => ({ page: { ...d.page, ...change }, revision: d.revision + 1 }));
  const form = page.form;
  const editForm = (change: Partial<NonNullable<PageInput['form']>>) => form && edit({ form: { ...form, ...change } });
  const at = (path: string) => messageIn(t, mine, path);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSavedRevision(draft.revision);
    onSave(page);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="page-form-title">
      <Stack gap="md" p="md" className={classes.panel}>
        <Title order={3} size="h4" id="page-form-title">
          {title}
        </Title>
        <ProblemsAlert title={t('notSaved')} message={headline(error)} problems={others} />
        <TextInput
          label={t('name')}
          description={t('landingPage.nameHint')}
          required
          value={page.name}
          onChange={(e) => edit({ name: e.currentTarget.value })}
          error={at('name')}
        />
        <TextInput
          label={t('landingPage.title')}
          description={t('landingPage.titleHint', { partner: '{{partner.company_name}}' })}
          required
          value={page.title}
          onChange={(e) => edit({ title: e.currentTarget.value })}
          error={at('title')}
        />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Stack gap="sm" style={{ minWidth: 0 }}>
            <Textarea
              label={t('landingPage.html')}
              description={t('landingPage.htmlHint', { form: '<div data-tcma-form></div>', open: '{{' })}
              required
              autosize
              minRows={10}
              maxRows={28}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              value={page.html}
              onChange={(e) => edit({ html: e.currentTarget.value })}
              error={htmlProblems.length ? htmlProblems.map((p) => describeProblem(t, p)).join(' · ') : undefined}
            />
            <div role="status" aria-live="polite">
              {check.isError ? (
                <Text size="sm" c="red.9">
                  {t('landingPage.checkFailed', { message: check.error.message })}
                </Text>
              ) : check.data && !stale && mine.length === 0 ? (
                <Text size="sm" c="teal.9">
                  {t('landingPage.noProblem')}
                </Text>
              ) : null}
            </div>
            <Checkbox
              label={t('landingPage.noindex')}
              checked={page.noindex}
              onChange={(e) => edit({ noindex: e.currentTarget.checked })}
            />
          </Stack>
          <PagePreview check={check.data} stale={stale} partnerId={partnerId} onPartnerChange={setPartnerId} />
        </SimpleGrid>
        <Switch
          label={t('landingPage.hasForm')}
          checked={form !== null}
          onChange={(e) => edit({ form: e.currentTarget.checked ? (initial.form ?? newPage(t).form) : null })}
        />
        {form ? (
          <Fieldset legend={t('landingPage.formLegend')} variant="unstyled">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('landingPage.fieldsHint')}
              </Text>
              <FormFieldsEditor fields={form.fields} onChange={(fields) => editForm({ fields })} problems={mine} />
              {at('form.fields') && !mine.some((p) => /^form\.fields\[/.test(p.path)) ? (
                <Text size="sm" c="red.9">
                  {at('form.fields')}
                </Text>
              ) : null}
              <Checkbox
                label={t('landingPage.askConsent')}
                checked={form.consent != null}
                onChange={(e) =>
                  editForm({
                    consent: e.currentTarget.checked
                      ? { text: t('landingPage.new.consent', { partner: '{{partner.company_name}}' }), required: true }
                      : null,
                  })
                }
              />
              {form.consent ? (
                <>
                  <Textarea
                    label={t('landingPage.consentText')}
                    description={t('landingPage.consentHint', { partner: '{{partner.company_name}}' })}
                    autosize
                    minRows={2}
                    value={form.consent.text}
                    onChange={(e) => editForm({ consent: { ...form.consent!, text: e.currentTarget.value } })}
                    error={at('form.consent')}
                  />
                  <Checkbox
                    label={t('landingPage.consentRequired')}
                    checked={form.consent.required}
                    onChange={(e) => editForm({ consent: { ...form.consent!, required: e.currentTarget.checked } })}
                  />
                </>
              ) : null}
              <TextInput
                label={t('landingPage.submitLabel')}
                required
                value={form.submitLabel}
                onChange={(e) => editForm({ submitLabel: e.currentTarget.value })}
                error={at('form.submitLabel')}
              />
              <Textarea
                label={t('landingPage.successMessage')}
                required
                autosize
                minRows={2}
                value={form.successMessage}
                onChange={(e) => editForm({ successMessage: e.currentTarget.value })}
                error={at('form.successMessage')}
              />
              <Select
                label={t('landingPage.onSubmit')}
                data={[
                  { value: 'none', label: t('landingPage.onSubmitNone') },
                  { value: 'convert', label: t('landingPage.onSubmitConvert') },
                ]}
                value={form.onSubmit}
                allowDeselect={false}
                onChange={(v) => editForm({ onSubmit: v === 'convert' ? 'convert' : 'none' })}
                maw={480}
              />
            </Stack>
          </Fieldset>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {t('landingPage.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, FileInput, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { StaleNotice } from '../components/stale-notice';
import { isStale } from '../hooks/use-draft-edits';
import type { CampaignView } from '../hooks/use-edited-campaign';
import { describeProblem, headline, messageAt, otherProblems } from '../problems';
import classes from './languages.module.css';
import { LanguageTagInput } from './language-tag-input';
import { useImportLanguage } from './use-languages';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';

/** The files a translator's tool writes XLIFF 2.0 as. */
const XLIFF_FILES = '.xlf,.xliff,.xml,application/xliff+xml,application/xml,text/xml';

/** Whether a problem is at a line of the file (`body`, `body.<unit>`) rather than in a translated email. */
const inTheFile = (path: string) => path === 'body' || path.startsWith('body.');

/**
 * A translator's file imported as the draft's emails in a language. The API checks all of it:
 * a problem with the language shows under its field, every problem in the file as "Line N: …",
 * and nothing is saved unless all of it passes.
 */
export function XliffImport({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const [language, setLanguage] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const save = useImportLanguage(campaign.id, campaign.revision);
  const error = isStale(save.error) ? null : save.error;
  const inFile = otherProblems(error, ['language']);
  const refusal = headline(error);
  const readOnly = useDraftReadOnly(campaign);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const tag = language.trim();
    save.mutate(
      { language: tag, file },
      {
        onSuccess: () => {
          setFile(null);
          notifications.show({
            color: 'teal',
            message: t('languages.import.done', { language: format.language(tag) }),
          });
        },
      },
    );
  };

  return (
    <Stack component="section" aria-labelledby="xliff-import-title" gap="sm">
      <Title order={2} size="h3" id="xliff-import-title">
        {t('languages.import.title')}
      </Title>
      <Text size="sm">{t('languages.import.explained')}</Text>
      <StaleNotice error={save.error} />
      <Stack component="form" gap="sm" align="flex-start" onSubmit={submit} aria-labelledby="xliff-import-title">
        <LanguageTagInput
          value={language}
          onChange={(value) => {
            setLanguage(value);
            save.reset();
          }}
          error={messageAt(t, error, 'language')}
          disabled={readOnly}
        />
        <FileInput
          label={t('languages.import.file')}
          description={t('languages.import.fileHint')}
          placeholder={t('file.choose')}
          classNames={{ placeholder: classes.placeholder }}
          accept={XLIFF_FILES}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            save.reset();
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('languages.import.clear') }}
          disabled={readOnly}
          w="100%"
          maw={360}
        />
        <Button type="submit" loading={save.isPending} disabled={readOnly || !file || !language.trim()}>
          {t('languages.import.button')}
        </Button>
      </Stack>
      <div aria-live="polite">
        {inFile.length ? (
          <Alert color="red" variant="light" role="alert" title={t('languages.import.refused')}>
            <List size="sm" spacing={4} aria-label={t('languages.import.problems')}>
              {inFile.map((p, i) => (
                <List.Item key={i} className="wrap-anywhere">
                  {/* A problem in the file is told by its line; one an email's own rules found (its MJML), by its path. */}
                  {inTheFile(p.path) ? (
                    describeProblem(t, p)
                  ) : (
                    <>
                      <code>{p.path}</code> {describeProblem(t, p)}
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : refusal ? (
          <Alert color="red" variant="light" role="alert" title={t('languages.import.refused')}>
            {refusal}
          </Alert>
        ) : null}
      </div>
    </Stack>
  );
}

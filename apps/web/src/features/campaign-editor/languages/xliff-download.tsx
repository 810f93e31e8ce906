import { Button, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { headline, messageAt } from '../problems';
import { LanguageTagInput } from './language-tag-input';
import { useXliffDownload } from './use-languages';

/**
 * The latest published version's emails as an XLIFF file for a translator into a language. Only
 * published versions export, so before the first publication there is nothing to download.
 */
export function XliffDownload({ campaignId, latestVersion }: { campaignId: string; latestVersion: number | null }) {
  const { t } = useTranslation('campaign-editor');
  const [language, setLanguage] = useState('');
  const download = useXliffDownload(campaignId);
  const explanation = useId();
  const error = download.error ? (messageAt(t, download.error, 'trgLang') ?? headline(download.error)) : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (latestVersion !== null) download.mutate({ version: latestVersion, language: language.trim() });
  };
  return (
    <Stack component="section" aria-labelledby="xliff-download-title" gap="sm">
      <Title order={2} size="h3" id="xliff-download-title">
        {t('languages.download.title')}
      </Title>
      <Text size="sm" id={explanation}>
        {latestVersion === null
          ? t('languages.download.unpublished')
          : t('languages.download.explained', { version: latestVersion })}
      </Text>
      <Stack component="form" gap="sm" align="flex-start" onSubmit={submit} aria-labelledby="xliff-download-title">
        <LanguageTagInput
          value={language}
          onChange={(value) => {
            setLanguage(value);
            download.reset();
          }}
          error={error}
          disabled={latestVersion === null}
        />
        <Button
          type="submit"
          variant="default"
          loading={download.isPending}
          disabled={latestVersion === null || !language.trim()}
          aria-describedby={explanation}
        >
          {t('languages.download.button')}
        </Button>
      </Stack>
      <Text size="sm" aria-live="polite">
        {download.isSuccess ? t('languages.download.done', { name: download.data }) : null}
      </Text>
    </Stack>
  );
}

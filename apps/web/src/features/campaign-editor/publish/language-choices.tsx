import { Radio, Stack, Text, Title } from '@mantine/core';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { ApiError } from '../../../api/api-error';
import { messageAt } from '../problems';
import { useLanguageTitle } from '../languages/language-words';
import { useDraftLanguages } from '../languages/use-languages';

export type LanguageChoice = 'fallback' | 'hold';
export type LanguageChoices = Record<string, LanguageChoice>;

interface LanguageChoicesProps {
  /** The languages not ready (useUnreadyLanguages). */
  unready: string[];
  /** The campaign's own language, the one every email has. */
  language: string;
  choices: LanguageChoices;
  onChange: (choices: LanguageChoices) => void;
  /** The refused publication: a missing choice shows under its language. */
  error: unknown;
  disabled: boolean;
}

/** Whether the refusal says the language lacks its choice (worded here, in the reader's language). */
const incomplete = (error: unknown, tag: string) =>
  error instanceof ApiError &&
  error.problems.some((p) => p.path === `languages.${tag}` && p.code === 'language_incomplete');

/** The languages the API says are not ready (GET …/draft/languages), whose choice a publication needs. */
export function useUnreadyLanguages(campaignId: string): string[] {
  const languages = useDraftLanguages(campaignId);
  return (languages.data ?? []).filter((l) => !l.ready).map((l) => l.language);
}

/**
 * For each language not ready in every email, what this version does with it: the ready emails
 * in the language and the others in the campaign's own (fallback), or the language held back
 * until a later version (hold). Nothing is chosen for the marketer: the API refuses a
 * publication that lacks a choice, under its language.
 */
export function LanguageChoicesField({ unready, language, choices, onChange, error, disabled }: LanguageChoicesProps) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const title = useLanguageTitle();
  if (unready.length === 0) return null;
  const own = format.language(language);
  return (
    <Stack component="section" aria-labelledby="language-choices-title" gap="sm">
      <Title order={3} size="h4" id="language-choices-title">
        {t('publish.languages.title')}
      </Title>
      <Text size="sm">{t('publish.languages.explained', { language: own })}</Text>
      {unready.map((tag) => {
        const name = format.language(tag);
        return (
          <Radio.Group
            key={tag}
            label={title(tag)}
            value={choices[tag] ?? null}
            onChange={(value) => onChange({ ...choices, [tag]: value === 'hold' ? 'hold' : 'fallback' })}
            error={
              incomplete(error, tag)
                ? t('publish.languages.choose', { language: name })
                : messageAt(t, error, `languages.${tag}`)
            }
          >
            <Stack gap="xs" mt={6}>
              <Radio
                value="fallback"
                disabled={disabled}
                label={t('publish.languages.fallback', { language: name, own })}
              />
              <Radio value="hold" disabled={disabled} label={t('publish.languages.hold', { language: name, own })} />
            </Stack>
          </Radio.Group>
        );
      })}
    </Stack>
  );
}

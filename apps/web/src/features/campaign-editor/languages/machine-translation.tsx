import { Alert, Button, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { StaleNotice } from '../components/stale-notice';
import { isStale } from '../hooks/use-draft-edits';
import type { CampaignView } from '../hooks/use-edited-campaign';
import { describeProblem, headline, messageAt, otherProblems } from '../problems';
import { LanguageTagInput } from './language-tag-input';
import { useAssistantStatus } from '../hooks/use-assistant';
import { useMachineTranslation } from './use-languages';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';

/**
 * The configured model's drafts of every email in a language, saved as "Machine translation,
 * needs review" until a person approves them (in the language's panel above). The API checks
 * the answer as it checks a translator's file: a dropped placeholder refuses all of it.
 */
export function MachineTranslation({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const assistant = useAssistantStatus();
  const [language, setLanguage] = useState('');
  const translate = useMachineTranslation(campaign.id, campaign.revision);
  const error = isStale(translate.error) ? null : translate.error;
  const segments = otherProblems(error, ['language']);
  const readOnly = useDraftReadOnly(campaign);
  if (!assistant.data) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tag = language.trim();
    translate.mutate(tag, {
      onSuccess: () => {
        setLanguage('');
        notifications.show({
          color: 'teal',
          message: t('languages.machine.done', { language: format.language(tag) }),
        });
      },
    });
  };

  return (
    <Stack component="section" aria-labelledby="machine-translation-title" gap="sm">
      <Title order={2} size="h3" id="machine-translation-title">
        {t('languages.machine.title')}
      </Title>
      {assistant.data.enabled ? (
        <>
          <Text size="sm">{t('languages.machine.explained', { model: assistant.data.model ?? '' })}</Text>
          <StaleNotice error={translate.error} />
          <Stack
            component="form"
            gap="sm"
            align="flex-start"
            onSubmit={submit}
            aria-labelledby="machine-translation-title"
          >
            <LanguageTagInput
              value={language}
              onChange={(value) => {
                setLanguage(value);
                translate.reset();
              }}
              error={messageAt(t, error, 'language')}
              disabled={readOnly}
            />
            <Button type="submit" loading={translate.isPending} disabled={readOnly || !language.trim()}>
              {t('languages.machine.button')}
            </Button>
          </Stack>
          <div aria-live="polite">
            {segments.length ? (
              <Alert color="red" variant="light" role="alert" title={t('languages.machine.refused')}>
                <List size="sm" spacing={4}>
                  {segments.map((p, i) => (
                    <List.Item key={i} className="wrap-anywhere">
                      <code>{p.path}</code> {describeProblem(t, p)}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : headline(error) ? (
              <Alert color="red" variant="light" role="alert" title={t('languages.machine.refused')}>
                {headline(error)}
              </Alert>
            ) : null}
          </div>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('languages.machine.off')}
        </Text>
      )}
    </Stack>
  );
}

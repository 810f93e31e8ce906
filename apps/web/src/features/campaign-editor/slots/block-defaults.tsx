import { Input, Stack, Text, Textarea } from '@mantine/core';
import { useFormat, useTranslation } from '../../../shared/i18n';
import type { Slot } from '../hooks/use-edited-campaign';
import { messageAt } from '../problems';

interface BlockDefaultsProps {
  /** Where the slot's problems are (`slots[i]`). */
  at: string;
  slot: Slot;
  /** The draft's languages besides its own (the Languages tab's), as the API lists them. */
  languages: string[];
  error: unknown;
  onChange: (defaults: Record<string, string> | undefined) => void;
}

/**
 * An editable block's default text in each language of the draft (the prospects reading an
 * email's variant in it get this one when the partner writes none; the campaign's own language
 * has the fallback). A default kept for a language the draft no longer has is still shown, so it
 * can be cleared: the API refuses to publish it. An empty field is no default.
 */
export function BlockDefaults({ at, slot, languages, error, onChange }: BlockDefaultsProps) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const defaults = slot.defaults ?? {};
  const shown = [...new Set([...languages, ...Object.keys(defaults)])];
  const set = (language: string, text: string) => {
    const next = { ...defaults, [language]: text };
    if (!text) delete next[language];
    onChange(Object.keys(next).length ? next : undefined);
  };
  const id = `${at}-defaults`;
  return (
    <Stack gap={6} role="group" aria-labelledby={`${id}-label`}>
      <div>
        <Input.Label id={`${id}-label`}>{t('slots.defaults')}</Input.Label>
        <Input.Description>{t('slots.defaultsHint')}</Input.Description>
      </div>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('slots.defaultsNone')}
        </Text>
      ) : null}
      {shown.map((language) => (
        <Textarea
          key={language}
          label={t('slots.defaultIn', { language: format.language(language), tag: language })}
          description={languages.includes(language) ? undefined : t('slots.defaultOrphan')}
          value={defaults[language] ?? ''}
          onChange={(e) => set(language, e.currentTarget.value)}
          error={messageAt(t, error, `${at}.defaults.${language}`)}
          autosize
          minRows={2}
          maxRows={8}
        />
      ))}
    </Stack>
  );
}

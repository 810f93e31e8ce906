import { Button, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent, type RefObject } from 'react';
import { AssistantOptions } from '../../../shared/components/assistant-options';
import { useTranslation } from '../../../shared/i18n';
import { useDraftSuggestions } from '../hooks/use-assistant';
import type { TextRange } from './mjml-code-editor';
import type { MjmlEditorHandle } from './mjml-editor';

/** The API's bound on a paragraph to rewrite (characters). */
const PARAGRAPH_MAX_LENGTH = 4000;

interface RewriteSelectionProps {
  campaignId: string;
  assetId: string;
  editor: RefObject<MjmlEditorHandle | null>;
}

/**
 * "Rewrite…" beside Insert: the model's other wordings of the words selected in the MJML (with
 * an optional instruction, "shorter"), each keeping the selection's placeholders (the API leaves
 * out those that do not); the chosen one replaces the selection, if the MJML still holds it there.
 */
export function RewriteSelection({ campaignId, assetId, editor }: RewriteSelectionProps) {
  const { t } = useTranslation('campaign-editor');
  const suggestions = useDraftSuggestions(campaignId);
  const [opened, setOpened] = useState(false);
  const [range, setRange] = useState<TextRange | null>(null);
  const [instruction, setInstruction] = useState('');
  const [moved, setMoved] = useState(false);

  const open = () => {
    setRange(trimmed(editor.current?.selection() ?? null));
    setMoved(false);
    suggestions.reset();
    setOpened(true);
  };
  const ask = (e: FormEvent) => {
    e.preventDefault();
    // React carries the submit through the portal to the email's own form: it must not save the email.
    e.stopPropagation();
    if (!range) return;
    suggestions.ask({
      purpose: 'rewrite_paragraph',
      assetId,
      paragraph: range.text,
      ...(instruction.trim() ? { instruction: instruction.trim() } : {}),
    });
  };
  const use = (option: string) => {
    if (range && editor.current?.replace(range, option)) setOpened(false);
    else setMoved(true);
  };
  const text = range?.text ?? '';

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} trapFocus shadow="md" withinPortal>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => (opened ? setOpened(false) : open())}>
          {t('suggest.rewrite')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {!text ? (
          <Text size="sm">{t('suggest.selectFirst')}</Text>
        ) : text.length > PARAGRAPH_MAX_LENGTH ? (
          <Text size="sm">{t('suggest.selectionTooLong', { max: PARAGRAPH_MAX_LENGTH })}</Text>
        ) : (
          <Stack gap="sm" component="form" onSubmit={ask}>
            <Text size="sm" lineClamp={3} ff="monospace" className="wrap-anywhere">
              {text}
            </Text>
            <TextInput
              size="xs"
              label={t('suggest.instruction')}
              placeholder={t('suggest.instructionExample')}
              maxLength={500}
              value={instruction}
              onChange={(e) => setInstruction(e.currentTarget.value)}
            />
            <Button type="submit" size="xs" loading={suggestions.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('suggest.wordings')}
            </Button>
            {suggestions.error ? (
              <Text size="sm" c="red.9" role="alert">
                {suggestions.error.message}
              </Text>
            ) : null}
            {moved ? (
              <Text size="sm" c="red.9" role="alert">
                {t('suggest.moved')}
              </Text>
            ) : null}
            {suggestions.data ? (
              <AssistantOptions options={suggestions.data.options} empty={t('suggest.none')} onUse={use} />
            ) : null}
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

/** The selection without the blanks around it, so that a wording replaces the words and keeps the layout. */
function trimmed(range: TextRange | null): TextRange | null {
  if (!range) return null;
  const text = range.text.trim();
  if (!text) return null;
  const from = range.from + range.text.indexOf(text);
  return { from, to: from + text.length, text };
}

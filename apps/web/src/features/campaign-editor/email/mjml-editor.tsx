import { useTranslation } from '../../../shared/i18n';
import { Text } from '@mantine/core';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import type { MjmlCodeEditor, TemplateProblem, TextRange } from './mjml-code-editor';
import type { PlaceholderOption } from './placeholder-completion';
import { LoadingBlock } from '../../../shared/components/list-states';

/**
 * What the form around the editor may do with it: the insert palette puts text at the cursor; the
 * rewrite asks for other wordings of the selection and puts the chosen one in its place.
 */
export interface MjmlEditorHandle {
  insert: (text: string) => void;
  /** The selection, or null while the editor is loading. */
  selection: () => TextRange | null;
  replace: (range: TextRange, text: string) => boolean;
}

interface MjmlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The API's problems with the MJML: each is shown at its line (without one, at the first). */
  problems: TemplateProblem[];
  /** The variables to offer after `{{`. */
  placeholders: PlaceholderOption[];
  labelId: string;
  describedBy?: string;
  ref?: Ref<MjmlEditorHandle>;
}

/**
 * The MJML field: CodeMirror, loaded on first use (its code is a chunk only this form
 * fetches, never the portal), with a placeholder while it loads.
 */
export function MjmlEditor({ value, onChange, problems, placeholders, labelId, describedBy, ref }: MjmlEditorProps) {
  const { t } = useTranslation('campaign-editor');
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<MjmlCodeEditor | null>(null);
  const [failed, setFailed] = useState(false);
  // The editor's listeners outlive renders: they read the latest props here.
  const latest = useRef({ onChange, placeholders, value });
  useLayoutEffect(() => {
    latest.current = { onChange, placeholders, value };
  });

  useEffect(() => {
    let made: MjmlCodeEditor | null = null;
    let gone = false;
    import('./mjml-code-editor')
      .then(({ createMjmlCodeEditor }) => {
        if (gone || !host.current) return;
        made = createMjmlCodeEditor({
          parent: host.current,
          value: latest.current.value,
          onChange: (v) => latest.current.onChange(v),
          placeholders: () => latest.current.placeholders,
          labelId,
          describedBy,
        });
        setEditor(made);
      })
      .catch(() => setFailed(true));
    return () => {
      gone = true;
      made?.destroy();
    };
  }, [labelId, describedBy]);

  useEffect(() => editor?.setValue(value), [editor, value]);
  useEffect(() => editor?.setProblems(problems), [editor, problems]);
  useImperativeHandle(
    ref,
    () => ({
      insert: (text: string) => editor?.insert(text),
      selection: () => editor?.selection() ?? null,
      replace: (range: TextRange, text: string) => editor?.replace(range, text) ?? false,
    }),
    [editor],
  );

  return (
    <>
      {!editor && !failed ? <LoadingBlock height={320} label={t('mjml.loading')} /> : null}
      {failed ? (
        <Text size="sm" c="red.9" role="alert">
          {t('mjml.failed')}
        </Text>
      ) : null}
      <div ref={host} data-testid="mjml-editor" />
    </>
  );
}

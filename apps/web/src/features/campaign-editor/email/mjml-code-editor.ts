import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { xml } from '@codemirror/lang-xml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { placeholderCompletion, type PlaceholderOption } from './placeholder-completion';

export interface TemplateProblem {
  line?: number;
  message: string;
}

export interface MjmlCodeEditorOptions {
  parent: HTMLElement;
  value: string;
  onChange: (value: string) => void;
  /** Read at each completion: the variables to offer after `{{`. */
  placeholders: () => PlaceholderOption[];
  labelId: string;
  describedBy?: string;
}

/** The editor as the React component drives it. */
export interface MjmlCodeEditor {
  setValue: (value: string) => void;
  setProblems: (problems: TemplateProblem[]) => void;
  /** Puts text at the cursor (replacing the selection) and gives the editor the focus. */
  insert: (text: string) => void;
  /** The selected text and where it is (the main selection; empty when nothing is selected). */
  selection: () => TextRange;
  /**
   * Replaces a range with text, if it still holds what it held (the author may have typed since):
   * false, and nothing changed, otherwise.
   */
  replace: (range: TextRange, text: string) => boolean;
  destroy: () => void;
}

/** A stretch of the MJML: its offsets and the text between them. */
export interface TextRange {
  from: number;
  to: number;
  text: string;
}

const theme = EditorView.theme({
  '&': {
    border: '1px solid var(--mantine-color-gray-4)',
    borderRadius: '4px',
    fontSize: '13px',
    backgroundColor: 'white',
  },
  '&.cm-focused': { outline: '2px solid var(--mantine-color-indigo-6)', outlineOffset: '1px' },
  '.cm-scroller': {
    fontFamily: 'var(--mantine-font-family-monospace)',
    minHeight: '320px',
    maxHeight: '560px',
    overflow: 'auto',
  },
  // The default grey of line numbers does not reach AA contrast.
  '.cm-gutters': {
    backgroundColor: 'var(--mantine-color-gray-0)',
    color: 'var(--mantine-color-gray-7)',
    borderRight: '1px solid var(--mantine-color-gray-3)',
  },
  '.cm-activeLine': { backgroundColor: 'rgba(76, 110, 245, 0.06)' },
});

/** Markup colours that keep 4.5:1 on white and on the active line (CodeMirror's default green does not). */
const highlight = HighlightStyle.define([
  { tag: [tags.tagName, tags.angleBracket], color: '#1d4ed8' },
  { tag: tags.attributeName, color: '#9a3412' },
  { tag: [tags.attributeValue, tags.string], color: '#166534' },
  { tag: tags.comment, color: '#4b5563', fontStyle: 'italic' },
  { tag: [tags.processingInstruction, tags.documentMeta], color: '#6b21a8' },
  { tag: tags.invalid, color: '#b91c1c' },
]);

/** Problems as CodeMirror diagnostics, on the text of their lines (a line past the end: the last one). */
function diagnosticsOf(state: EditorState, problems: TemplateProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(p.line ?? 1, 1), state.doc.lines));
    const indent = /^\s*/.exec(line.text)?.[0].length ?? 0;
    return {
      from: line.from + Math.min(indent, line.length),
      to: line.to,
      severity: 'error',
      message: p.message,
      ...(p.line ? { source: `Line ${p.line}` } : {}),
    };
  });
}

/**
 * The MJML code editor (CodeMirror 6, no React inside so that its lazy chunk shares nothing
 * with the portal's): XML highlighting, line numbers, the API's problems at their lines,
 * completion of the allowed variables. Tab is left to move the focus (CodeMirror binds it
 * only on request), so the form stays usable with the keyboard alone.
 */
export function createMjmlCodeEditor(options: MjmlCodeEditorOptions): MjmlCodeEditor {
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        lineNumbers(),
        highlightActiveLine(),
        history(),
        closeBrackets(),
        xml(),
        syntaxHighlighting(highlight),
        autocompletion({ override: [placeholderCompletion(options.placeholders)] }),
        lintGutter(),
        keymap.of([...completionKeymap, ...lintKeymap, ...historyKeymap, ...defaultKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-labelledby': options.labelId,
          ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
          spellcheck: 'false',
          // Focusable as it is (contenteditable), said explicitly so that a long template's scrolling
          // region is seen to have keyboard access (axe's scrollable-region-focusable).
          tabindex: '0',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
        theme,
      ],
    }),
  });
  return {
    setValue: (value) => {
      if (view.state.doc.toString() !== value)
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    setProblems: (problems) => view.dispatch(setDiagnostics(view.state, diagnosticsOf(view.state, problems))),
    insert: (text) => {
      view.dispatch(view.state.replaceSelection(text), { scrollIntoView: true });
      view.focus();
    },
    selection: () => {
      const { from, to } = view.state.selection.main;
      return { from, to, text: view.state.sliceDoc(from, to) };
    },
    replace: (range, text) => {
      if (range.to > view.state.doc.length || view.state.sliceDoc(range.from, range.to) !== range.text) return false;
      view.dispatch({
        changes: { from: range.from, to: range.to, insert: text },
        selection: { anchor: range.from, head: range.from + text.length },
        scrollIntoView: true,
      });
      view.focus();
      return true;
    },
    destroy: () => view.destroy(),
  };
}

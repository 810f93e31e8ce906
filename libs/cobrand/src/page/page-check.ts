import {
  CUSTOM_FIELD_KEY_PATTERN,
  PAGE_CONSENT_MAX_LENGTH,
  PAGE_FIELD_MAX_LENGTH,
  PAGE_FORM_MARKER,
  PAGE_HTML_MAX_LENGTH,
  PAGE_MAX_FIELDS,
  PAGE_STANDARD_FIELDS,
  PAGE_TITLE_MAX_LENGTH,
  PageAsset,
  PageForm,
  RESERVED_LINK_NAMES,
} from '@tcma/campaign-model';
import type { Problem } from '@tcma/errors';
import { unguardedOptionalSlots } from '../email/email-asset-check';
import { activeContentProblems } from '../template/active-content';
import { checkMarkupTemplate, checkTextTemplate } from '../template/checked-template';
import type { TemplateVocabulary } from '../template/template-analysis';

const at = (path: string, problems: Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, path: p.path ? `${path}.${p.path}` : path }));

/** Form controls are the engine's alone: the page's one form is rendered from its declaration. */
const FORM_ELEMENTS = /<\s*(form|input|textarea|select|button)\b/gi;
/** Whole documents are the engine's too: the page's HTML is the body's content. */
const DOCUMENT_ELEMENTS = /<\s*\/?\s*(html|head|body|meta|link|title)\b/gi;
const STANDARD = new Set<string>(PAGE_STANDARD_FIELDS);
const RESERVED = new Set<string>(RESERVED_LINK_NAMES);

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function markupProblems(html: string, hasForm: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const m of html.matchAll(FORM_ELEMENTS)) {
    problems.push({
      path: '',
      line: lineAt(html, m.index),
      message: `<${m[1].toLowerCase()}> is not allowed: the page's form is declared in "form" and placed with ${PAGE_FORM_MARKER}`,
    });
  }
  for (const m of html.matchAll(DOCUMENT_ELEMENTS)) {
    problems.push({
      path: '',
      line: lineAt(html, m.index),
      message: `<${m[1].toLowerCase()}> is not allowed: the page's HTML is the content of its body (title, language and meta tags come from the asset)`,
    });
  }
  const markers = html.split(PAGE_FORM_MARKER).length - 1;
  if (markers > 1)
    problems.push({ path: '', message: `${PAGE_FORM_MARKER} may appear once: a page has at most one form` });
  if (markers === 1 && !hasForm)
    problems.push({ path: '', message: `${PAGE_FORM_MARKER} places the form, but the page declares none` });
  return problems;
}

export function checkPageForm(form: PageForm, vocabulary: TemplateVocabulary): Problem[] {
  const problems: Problem[] = [];
  if (form.fields.length > PAGE_MAX_FIELDS)
    problems.push({ path: 'fields', message: `at most ${PAGE_MAX_FIELDS} fields` });
  const names = new Set<string>();
  for (const [i, field] of form.fields.entries()) {
    const path = `fields[${i}]`;
    if (!STANDARD.has(field.name) && !CUSTOM_FIELD_KEY_PATTERN.test(field.name)) {
      problems.push({
        path: `${path}.name`,
        message: `must be one of ${PAGE_STANDARD_FIELDS.join(', ')} or a custom field key (lower-case letters, digits and _, starting with a letter, at most 40)`,
      });
    }
    if (names.has(field.name)) problems.push({ path: `${path}.name`, message: `"${field.name}" is declared twice` });
    names.add(field.name);
    if (!field.label.trim()) problems.push({ path: `${path}.label`, message: 'must not be empty' });
    if (field.name === 'email' && (field.type !== 'email' || !field.required))
      problems.push({ path: path, message: 'the email field must be of type email and required' });
    if (field.type === 'email' && field.name !== 'email')
      problems.push({ path: `${path}.type`, message: 'only the email field is of type email' });
    if (field.maxLength !== undefined && (field.maxLength < 1 || field.maxLength > PAGE_FIELD_MAX_LENGTH))
      problems.push({ path: `${path}.maxLength`, message: `must be from 1 to ${PAGE_FIELD_MAX_LENGTH}` });
  }
  if (!names.has('email'))
    problems.push({
      path: 'fields',
      message: 'a form must have the field "email" (type email, required): a lead is a person to reach',
    });
  if (!form.submitLabel.trim()) problems.push({ path: 'submitLabel', message: 'must not be empty' });
  if (form.consent) {
    if (!form.consent.text.trim()) problems.push({ path: 'consent.text', message: 'must not be empty' });
    problems.push(
      ...at(
        'consent.text',
        checkTextTemplate(form.consent.text, vocabulary, { allow: ['partner'], maxLength: PAGE_CONSENT_MAX_LENGTH })
          .problems,
      ),
    );
  }
  return problems;
}

/**
 * Every check a page asset must pass before it can be saved: the same template rules as
 * emails (known slots and links only, escaping by where each lands, no active content,
 * optional slots guarded), but no prospect data (the visitor is unknown), no per-recipient
 * links, no form controls of its own and at most one form. Paths are relative to the asset.
 */
export function checkPageAsset(
  asset: Pick<PageAsset, 'title' | 'html' | 'form'>,
  vocabulary: TemplateVocabulary,
): Problem[] {
  const problems: Problem[] = [];
  problems.push(
    ...at(
      'title',
      checkTextTemplate(asset.title, vocabulary, {
        allow: ['partner'],
        maxLength: PAGE_TITLE_MAX_LENGTH,
        singleLine: true,
      }).problems,
    ),
  );
  if (!asset.title.trim()) problems.push({ path: 'title', message: 'must not be empty' });
  if (asset.html.length > PAGE_HTML_MAX_LENGTH)
    problems.push({ path: 'html', message: `must be at most ${PAGE_HTML_MAX_LENGTH} characters` });
  const { template, problems: markup, analysis } = checkMarkupTemplate(asset.html, vocabulary);
  problems.push(...at('html', markup));
  if (analysis.program)
    problems.push(
      ...at(
        'html',
        activeContentProblems(analysis).map((p) => ({
          ...p,
          message: p.message.replace(/emails cannot/, 'pages cannot'),
        })),
      ),
    );
  for (const site of analysis.sites) {
    if (site.ref.kind === 'prospect')
      problems.push({
        path: 'html',
        line: site.line,
        message: `{{${site.variable}}} cannot be used on a page: its visitor is not known`,
      });
    if (site.ref.kind === 'link' && RESERVED.has(site.ref.name))
      problems.push({
        path: 'html',
        line: site.line,
        message: `{{${site.variable}}} belongs to emails; a page may link to the campaign's own links`,
      });
  }
  if (template) problems.push(...at('html', unguardedOptionalSlots(template)));
  problems.push(...at('html', markupProblems(asset.html, !!asset.form)));
  if (asset.form) problems.push(...at('form', checkPageForm(asset.form, vocabulary)));
  return problems;
}

import { PAGE_FIELD_MAX_LENGTH, PageForm, PageFormField } from '@tcma/campaign-model';
import { EMAIL_MAX_LENGTH } from '@tcma/email-address';
import { escapeAttribute, escapeHtml } from '../template/escape';
import { pageFormWords, PageFormWords } from './page-form-words';

const ENGLISH = pageFormWords('en');

/** The honeypot: a field people never see (hidden off-screen, skipped by keyboards), which bots fill. */
export const HONEYPOT_FIELD = 'tcma_website';
/** The consent checkbox's name in the form. */
export const CONSENT_FIELD = 'consent';
/** An error about the whole form (a rate limit), shown above it. */
export const FORM_ERROR = '__form';

export type PageFormState =
  | { kind: 'blank' }
  | {
      kind: 'refused';
      values: Readonly<Record<string, string>>;
      errors: Readonly<Record<string, string>>;
      consent: boolean;
    }
  | { kind: 'done'; message: string };

export interface SubmissionCheck {
  /** Valid values by field name, trimmed; empty optional fields are absent. */
  values: Record<string, string>;
  consent: boolean;
  /** A message per field name (and `consent`); empty when the submission is valid. */
  errors: Record<string, string>;
  /** True when the honeypot was filled: answer as if accepted, record nothing. */
  bot: boolean;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const PHONE = /^\+?[0-9 ().\-/]{3,40}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function single(value: unknown): string | null {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : null;
}

function checkField(field: PageFormField, raw: unknown, words: PageFormWords): { value?: string; error?: string } {
  const value = single(raw);
  if (value === null) return { error: words.givenOnce };
  if (field.type === 'checkbox') {
    if (!value) return field.required ? { error: words.ticked } : {};
    return { value: 'yes' };
  }
  const text = field.type === 'textarea' ? value.trim() : value.trim().replace(/\s+/g, ' ');
  if (!text) return field.required ? { error: words.required(field.label) } : {};
  if (CONTROL.test(text)) return { error: words.notAllowed };
  const max = field.type === 'email' ? EMAIL_MAX_LENGTH : (field.maxLength ?? PAGE_FIELD_MAX_LENGTH);
  if ([...text].length > max) return { error: words.atMost(max) };
  if (field.type === 'email' && !EMAIL.test(text)) return { error: words.email };
  if (field.type === 'tel' && !PHONE.test(text)) return { error: words.phone };
  return { value: text };
}

/** Checks a submitted form field by field, as the page shows it: one message per field, in the page's words. */
export function checkSubmission(
  form: PageForm,
  body: Readonly<Record<string, unknown>>,
  words: PageFormWords = ENGLISH,
): SubmissionCheck {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const field of form.fields) {
    const result = checkField(field, body[field.name], words);
    if (result.error) errors[field.name] = result.error;
    else if (result.value !== undefined) values[field.name] = result.value;
  }
  const consent = single(body[CONSENT_FIELD]) === 'yes';
  if (form.consent?.required && !consent) errors[CONSENT_FIELD] = words.consent;
  const honeypot = single(body[HONEYPOT_FIELD]);
  return { values, consent, errors, bot: honeypot === null || honeypot !== '' };
}

const idOf = (name: string) => `tcma-f-${name}`;

function fieldHtml(field: PageFormField, value: string, error: string | undefined): string {
  const id = idOf(field.name);
  const errorId = `${id}-error`;
  const described = error ? ` aria-invalid="true" aria-describedby="${errorId}"` : '';
  const required = field.required ? ' required' : '';
  const mark = field.required ? ' <span aria-hidden="true">*</span>' : '';
  const message = error ? `<p class="tcma-error" id="${errorId}">${escapeHtml(error)}</p>` : '';
  const name = escapeAttribute(field.name);
  if (field.type === 'checkbox') {
    return `<div class="tcma-field tcma-check"><input type="checkbox" id="${id}" name="${name}" value="yes"${value ? ' checked' : ''}${required}${described}> <label for="${id}" style="display:inline">${escapeHtml(field.label)}${mark}</label>${message}</div>`;
  }
  const max = field.type === 'email' ? EMAIL_MAX_LENGTH : (field.maxLength ?? PAGE_FIELD_MAX_LENGTH);
  const label = `<label for="${id}">${escapeHtml(field.label)}${mark}</label>`;
  if (field.type === 'textarea')
    return `<div class="tcma-field">${label}<textarea id="${id}" name="${name}" rows="4" maxlength="${max}"${required}${described}>${escapeHtml(value)}</textarea>${message}</div>`;
  const autocomplete: Record<string, string> = {
    email: 'email',
    first_name: 'given-name',
    last_name: 'family-name',
    company: 'organization',
    title: 'organization-title',
    phone: 'tel',
    country: 'country-name',
  };
  const auto = autocomplete[field.name] ? ` autocomplete="${autocomplete[field.name]}"` : '';
  return `<div class="tcma-field">${label}<input type="${field.type}" id="${id}" name="${name}" value="${escapeAttribute(value)}" maxlength="${max}"${auto}${required}${described}>${message}</div>`;
}

/**
 * The page's one form. It posts to the page's own address (no action attribute: the address
 * it was loaded from, query included, which is how a visit from an email stays attributed),
 * so it works without JavaScript; the server answers with this form again, with a message
 * per field and the values kept, or with the thank-you message.
 */
export function renderPageForm(
  form: PageForm,
  consentText: string | null,
  state: PageFormState,
  words: PageFormWords = ENGLISH,
): string {
  if (state.kind === 'done') return `<div class="tcma-done" role="status"><p>${escapeHtml(state.message)}</p></div>`;
  const values = state.kind === 'refused' ? state.values : {};
  const errors = state.kind === 'refused' ? state.errors : {};
  const count = Object.keys(errors).filter((k) => k !== FORM_ERROR).length;
  const message = errors[FORM_ERROR] ?? (count ? words.summary(count) : '');
  const summary = message ? `<div class="tcma-summary" role="alert"><p>${escapeHtml(message)}</p></div>` : '';
  const fields = form.fields.map((f) => fieldHtml(f, values[f.name] ?? '', errors[f.name])).join('');
  let consent = '';
  if (form.consent && consentText !== null) {
    const id = idOf(CONSENT_FIELD);
    const error = errors[CONSENT_FIELD];
    const described = error ? ` aria-invalid="true" aria-describedby="${id}-error"` : '';
    const checked = state.kind === 'refused' && state.consent ? ' checked' : '';
    consent = `<div class="tcma-field tcma-consent"><input type="checkbox" id="${id}" name="${CONSENT_FIELD}" value="yes"${checked}${form.consent.required ? ' required' : ''}${described}> <label for="${id}" style="display:inline">${escapeHtml(consentText)}</label>${error ? `<p class="tcma-error" id="${id}-error">${escapeHtml(error)}</p>` : ''}</div>`;
  }
  const honeypot = `<div class="tcma-hp" aria-hidden="true"><label for="${idOf(HONEYPOT_FIELD)}">${escapeHtml(words.honeypot)}</label><input type="text" id="${idOf(HONEYPOT_FIELD)}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off"></div>`;
  return `<form class="tcma-form" method="post" novalidate>${summary}${fields}${consent}${honeypot}<button type="submit">${escapeHtml(form.submitLabel)}</button></form>`;
}

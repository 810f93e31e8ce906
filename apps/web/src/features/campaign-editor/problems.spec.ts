import { createInstance } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import en from './messages/en.json';
import { describeProblem, headline, messageAt, messageIn, otherProblems, problemsOfItem } from './problems';

const i18n = createInstance();
const t = i18n.getFixedT('en', 'campaign-editor');

beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { 'campaign-editor': en } }, interpolation: { escapeValue: false } });
});

const refusal = (errors: Array<{ path: string; message: string; line?: number }>, message = 'Refused') =>
  new ApiError(new Response(null, { status: 422 }), { message, errors });

describe('the API problems of an editor form', () => {
  const error = refusal([
    { path: 'tags[2]', message: 'is too long' },
    { path: 'slots[0].name', message: 'is taken' },
    { path: 'assets[3].mjml', message: 'has no footer', line: 12 },
    { path: 'assets[3].subject', message: 'is empty' },
    { path: 'assets[1].name', message: 'is empty' },
  ]);

  it('finds the messages at a field and inside it', () => {
    expect(messageAt(t, error, 'tags')).toBe('is too long');
    expect(messageAt(t, error, 'slots[0]')).toBe('is taken');
    expect(messageAt(t, error, 'name')).toBeUndefined();
  });

  it('says a template problem with its line', () => {
    expect(describeProblem(t, { path: 'mjml', message: 'has no footer', line: 12 })).toBe('Line 12: has no footer');
    expect(
      messageIn(
        t,
        [
          { path: 'mjml', message: 'a' },
          { path: 'mjml', message: 'b', line: 2 },
        ],
        'mjml',
      ),
    ).toBe('a · Line 2: b');
  });

  it('lists the problems no field of the form shows', () => {
    expect(otherProblems(error, ['tags', 'slots']).map((p) => p.path)).toEqual([
      'assets[3].mjml',
      'assets[3].subject',
      'assets[1].name',
    ]);
  });

  it('takes one item of a list with paths relative to it', () => {
    const { mine, others } = problemsOfItem(error, 'assets[3]', ['mjml', 'subject']);
    expect(mine).toEqual([
      { path: 'mjml', message: 'has no footer', line: 12 },
      { path: 'subject', message: 'is empty' },
    ]);
    expect(others.map((p) => p.path)).toEqual(['tags[2]', 'slots[0].name', 'assets[1].name']);
  });

  it('shows the refusal’s own message only when no field carries one', () => {
    expect(headline(error)).toBeUndefined();
    expect(headline(refusal([], 'The draft changed'))).toBe('The draft changed');
    expect(headline(new Error('offline'))).toBe('offline');
    expect(headline(null)).toBeUndefined();
  });

  it('finds nothing in what is not a refusal', () => {
    expect(messageAt(t, new Error('offline'), 'tags')).toBeUndefined();
    expect(otherProblems(undefined, [])).toEqual([]);
  });
});

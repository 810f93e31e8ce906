import { describe, expect, it } from 'vitest';
import { mergeProblems, problemsOfEmail } from './live-problems';

describe('problemsOfEmail', () => {
  it('keeps one email’s problems, relative to it', () => {
    const problems = [
      { path: 'assets[2].subject', message: 'is empty' },
      { path: 'assets[2].mjml', message: 'no footer', line: 4 },
      { path: 'assets[20].mjml', message: 'another email' },
      { path: 'slots[0].name', message: 'elsewhere' },
    ];
    expect(problemsOfEmail(problems, 2)).toEqual([
      { path: 'subject', message: 'is empty' },
      { path: 'mjml', message: 'no footer', line: 4 },
    ]);
  });
});

describe('mergeProblems', () => {
  it('joins two lists without repeats', () => {
    const a = [{ path: 'mjml', message: 'no footer', line: 4 }];
    const b = [
      { path: 'mjml', message: 'no footer', line: 4 },
      { path: 'mjml', message: 'no footer', line: 5 },
    ];
    expect(mergeProblems(a, b)).toEqual([a[0], b[1]]);
  });
});

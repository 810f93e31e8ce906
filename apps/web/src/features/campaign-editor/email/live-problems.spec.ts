import { describe, expect, it } from 'vitest';
import { currentProblems, mergeProblems, newerAnswer, problemsOfEmail } from './live-problems';

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

describe('the problems shown follow the newest request answered', () => {
  const footer = { path: 'mjml', message: 'no footer', line: 8 };
  const unknown = { path: 'mjml', message: 'Unknown variable partner.nickname', line: 5 };

  it('keeps a newer check’s answer when an older one arrives after it', () => {
    const newer = { revision: 4, problems: [] };
    const older = { revision: 3, problems: [unknown] };
    expect(newerAnswer(newer, older)).toBe(newer);
    expect(newerAnswer(older, newer)).toBe(newer);
    expect(newerAnswer(null, older)).toBe(older);
    expect(newerAnswer(older, null)).toBe(older);
  });

  it('drops a refused save’s problems once a check of a later text has answered', () => {
    const refused = { revision: 2, problems: [unknown, footer] };
    expect(currentProblems({ revision: 3, problems: [footer] }, refused)).toEqual([footer]);
    expect(currentProblems({ revision: 5, problems: [] }, refused)).toEqual([]);
  });

  it('shows a refused save’s problems while no check of a later text has answered', () => {
    const refused = { revision: 2, problems: [unknown, footer] };
    expect(currentProblems({ revision: 1, problems: [] }, refused)).toEqual([unknown, footer]);
    expect(currentProblems(null, refused)).toEqual([unknown, footer]);
    // The same text checked both ways: the two answers agree, shown once.
    expect(currentProblems({ revision: 2, problems: [footer] }, refused)).toEqual([footer, unknown]);
    expect(currentProblems({ revision: 2, problems: [footer] }, null)).toEqual([footer]);
  });
});

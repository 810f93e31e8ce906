import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { isAtField, sequenceProblems } from './sequence-problems';

describe('sequenceProblems', () => {
  it('reads problems relative to the sequence, however the API prefixed them', () => {
    const error = new ApiError(new Response(null, { status: 422 }), {
      errors: [
        { path: 'sequence.steps[0].wait.time', message: 'is not a time' },
        { path: 'steps[1].window', message: 'is empty' },
        { path: 'sequence', message: 'has no step' },
      ],
    });
    expect(sequenceProblems(error).map((p) => p.path)).toEqual(['steps[0].wait.time', 'steps[1].window', '']);
    expect(sequenceProblems(new Error('offline'))).toEqual([]);
  });
});

describe('isAtField', () => {
  it('tells the problems the form shows at a field from the others', () => {
    expect(isAtField({ path: 'steps[1].wait.days', message: '' }, 2)).toBe(true);
    expect(isAtField({ path: 'steps[1]', message: '' }, 2)).toBe(true);
    expect(isAtField({ path: 'steps[2].wait', message: '' }, 2)).toBe(false);
    expect(isAtField({ path: 'exit.converted', message: '' }, 0)).toBe(true);
    expect(isAtField({ path: 'exit', message: '' }, 0)).toBe(false);
  });
});

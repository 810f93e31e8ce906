import { describe, expect, it } from 'vitest';
import { asRectangle } from './rect-problems';

describe('asRectangle', () => {
  it('names a rectangle as the editor does, counting from one', () => {
    expect(asRectangle({ path: 'slots[2].x', message: 'is outside the page' })).toEqual({
      path: 'Rectangle 3 x',
      message: 'is outside the page',
    });
    expect(asRectangle({ path: 'slots[0]', message: 'overlaps' }).path).toBe('Rectangle 1');
  });

  it('leaves other paths alone', () => {
    expect(asRectangle({ path: 'name', message: 'is empty' }).path).toBe('name');
  });
});

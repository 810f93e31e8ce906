import { changedFields } from './changes';

describe(changedFields.name, () => {
  interface Row {
    name: string;
    tier: string;
    custom: Record<string, string>;
    note: string | null;
  }
  const row: Row = { name: 'Acme', tier: 'gold', custom: { a: '1', b: '2' }, note: null };

  it('keeps only the fields whose values differ', () => {
    const sut = changedFields(row, { name: 'Acme', tier: 'silver' });
    expect(sut).toEqual({ tier: 'silver' });
  });

  it('compares jsonb values by content, not identity or key order', () => {
    expect(changedFields(row, { custom: { b: '2', a: '1' } })).toEqual({});
    expect(changedFields(row, { custom: { a: '1' } })).toEqual({ custom: { a: '1' } });
  });

  it('keeps a change to null and ignores fields left undefined', () => {
    expect(changedFields(row, { note: null, name: undefined })).toEqual({});
    expect(changedFields<Row, Partial<Row>>({ ...row, note: 'x' }, { note: null })).toEqual({ note: null });
  });
});

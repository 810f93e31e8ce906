import { describe, expect, it } from 'vitest';
import {
  canAdd,
  choicesFor,
  mappingOf,
  problemPath,
  rowsOf,
  withAdded,
  withCrmField,
  withRemoved,
} from './field-mapping';

const connection = {
  fieldMapping: { title: '', budget: 'annual_budget', company: 'company_name' },
  effectiveMapping: {
    email: 'email',
    first_name: 'firstname',
    last_name: 'lastname',
    company: 'company_name',
    country: 'country',
    phone: 'phone',
    budget: 'annual_budget',
  },
};

describe('rowsOf', () => {
  it('shows each default lead field as in force (a field left out as empty), then the connection’s own form fields', () => {
    const sut = rowsOf(connection);
    expect(sut.map((r) => [r.field, r.crmField, r.custom])).toEqual([
      ['first_name', 'firstname', false],
      ['last_name', 'lastname', false],
      ['company', 'company_name', false],
      ['title', '', false],
      ['country', 'country', false],
      ['phone', 'phone', false],
      ['budget', 'annual_budget', true],
    ]);
  });

  it('never offers email, which always goes to email', () => {
    expect(
      rowsOf({ fieldMapping: { email: 'email' }, effectiveMapping: { email: 'email' } }).map((r) => r.field),
    ).not.toContain('email');
  });
});

describe('editing the rows', () => {
  it('changes one row’s CRM field, and sends every row', () => {
    const sut = withCrmField(rowsOf(connection), 'title', 'jobtitle');
    expect(mappingOf(sut)).toEqual({
      first_name: 'firstname',
      last_name: 'lastname',
      company: 'company_name',
      title: 'jobtitle',
      country: 'country',
      phone: 'phone',
      budget: 'annual_budget',
    });
  });

  it('adds a form field once, never email or a default field again, and removes only form fields', () => {
    const rows = rowsOf(connection);
    expect(canAdd(rows, '')).toBe(false);
    expect(canAdd(rows, 'email')).toBe(false);
    expect(canAdd(rows, 'budget')).toBe(false);
    expect(canAdd(rows, 'first_name')).toBe(false);
    const added = withAdded(rows, 'industry');
    expect(added.at(-1)).toEqual({ field: 'industry', crmField: '', custom: true });
    expect(withAdded(added, 'industry')).toHaveLength(added.length);
    expect(withRemoved(added, 'industry')).toEqual(rows);
    expect(withRemoved(added, 'first_name')).toEqual(added);
  });

  it('names a row’s problem as the API does', () => {
    expect(problemPath('budget')).toBe('fieldMapping.budget');
  });
});

describe('choicesFor', () => {
  const fields = [
    { name: 'firstname', label: 'First name' },
    { name: 'annual_budget', label: 'annual_budget' },
  ];

  it('names each CRM field by its label and name', () => {
    expect(choicesFor(fields, 'firstname')).toEqual([
      { value: 'firstname', label: 'First name (firstname)' },
      { value: 'annual_budget', label: 'annual_budget' },
    ]);
  });

  it('keeps the saved field the CRM did not list, so the select shows what is saved', () => {
    expect(choicesFor(fields, 'gone').at(-1)).toEqual({ value: 'gone', label: 'gone' });
    expect(choicesFor(fields, '')).toHaveLength(2);
  });
});

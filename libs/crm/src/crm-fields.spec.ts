import { contactProperties, DEFAULT_HUBSPOT_MAPPING, effectiveMapping, mappingProblems } from './crm-fields';
import type { LeadForCrm } from './crm-records.repository';

const lead: LeadForCrm = {
  email: 'marta@kowalska.example',
  fields: { email: 'marta@kowalska.example', first_name: 'Marta', budget: '50k', company: '' },
  firstName: 'Marta',
  lastName: 'Kowalska',
  company: 'Kowalska Sp.',
  title: null,
  country: 'PL',
  campaignName: 'Backup',
  partnerName: 'Northwind',
  step: 0,
  createdAt: new Date('2026-11-23T09:00:00Z'),
};

describe('CRM field mapping', () => {
  it('writes the defaults, overridden field by field; an empty target leaves a field out; email always to email', () => {
    expect(effectiveMapping('hubspot', { last_name: '', budget: 'annual_budget', email: 'company' })).toEqual({
      email: 'email',
      first_name: 'firstname',
      company: 'company',
      title: 'jobtitle',
      country: 'country',
      phone: 'phone',
      budget: 'annual_budget',
    });
  });

  it('takes the form answer first, else the prospect column, and skips empty values', () => {
    expect(contactProperties(lead, 'hubspot', { last_name: '', budget: 'annual_budget' })).toEqual({
      email: 'marta@kowalska.example',
      firstname: 'Marta',
      // The form's answer was empty: the prospect's company stands.
      company: 'Kowalska Sp.',
      country: 'PL',
      annual_budget: '50k',
    });
  });

  it('maps to Salesforce Lead fields by default, email always to Email', () => {
    expect(contactProperties(lead, 'salesforce', { budget: 'Annual_Budget__c', email: 'Company' })).toEqual({
      Email: 'marta@kowalska.example',
      FirstName: 'Marta',
      LastName: 'Kowalska',
      Company: 'Kowalska Sp.',
      Country: 'PL',
      Annual_Budget__c: '50k',
    });
    expect(effectiveMapping('hubspot', {})).toEqual(DEFAULT_HUBSPOT_MAPPING);
    expect(mappingProblems({ budget: 'Annual_Budget__c' }, new Set(['Annual_Budget__c']))).toEqual([]);
  });

  it('names each problem at its field', () => {
    expect(
      mappingProblems(
        { 'Bad Name': 'x', email: 'email', company: 42, title: 'no spaces', country: 'nope' },
        new Set(['company']),
      ),
    ).toEqual([
      { path: 'fieldMapping.Bad Name', message: 'must name a form field: lower-case letters, digits and _' },
      { path: 'fieldMapping.email', message: 'is always written to the CRM email field' },
      { path: 'fieldMapping.company', message: 'must be a CRM field name or empty' },
      { path: 'fieldMapping.title', message: 'is not a CRM field name' },
      { path: 'fieldMapping.country', message: '"nope" is not a writable contact field of this CRM' },
    ]);
    expect(mappingProblems(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, ''])), null)).toEqual([
      { path: 'fieldMapping', message: 'maps at most 100 fields' },
    ]);
  });
});

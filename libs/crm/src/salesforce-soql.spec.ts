import { CrmRateLimited, CrmUnauthorized } from './crm-errors';
import {
  leadFields,
  salesforceDateTime,
  salesforceErrorOf,
  soqlContains,
  soqlDateTime,
  soqlString,
  taskSubject,
} from './salesforce-soql';

const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('Salesforce SOQL and errors', () => {
  it('escapes quotes and backslashes in a string literal, so an email cannot end it', () => {
    expect(soqlString('marta@kowalska.example')).toBe("'marta@kowalska.example'");
    expect(soqlString("o'brien@x.example")).toBe("'o\\'brien@x.example'");
    expect(soqlString("a\\' OR Email != 'x")).toBe("'a\\\\\\' OR Email != \\'x'");
  });

  it('matches a marker literally in LIKE (its % and _ escaped)', () => {
    expect(soqlContains('tcma-lead-1')).toBe("'%tcma-lead-1%'");
    expect(soqlContains("50%_off'")).toBe("'%50\\%\\_off\\'%'");
  });

  it('keeps the marker whole at the end of a Task subject of at most 255 characters', () => {
    const marker = 'tcma-lead-457ff5f0-3be8-440a-8295-c682ee398ec7';
    expect(taskSubject('Lead from the campaign “Backup”', marker)).toBe(`Lead from the campaign “Backup” [${marker}]`);
    const long = taskSubject('x'.repeat(400), marker);
    expect(long).toHaveLength(255);
    expect(long.endsWith(` [${marker}]`)).toBe(true);
  });

  it('fills the Lead fields Salesforce requires and cuts standard fields to their length, never the email', () => {
    const email = `${'a'.repeat(90)}@x.example`;
    expect(leadFields({ Email: email, FirstName: 'M'.repeat(50), Annual_Budget__c: 'b'.repeat(300) })).toEqual({
      Email: email,
      FirstName: 'M'.repeat(40),
      Annual_Budget__c: 'b'.repeat(300),
      LastName: '[not provided]',
      Company: '[not provided]',
    });
    expect(leadFields({ Email: 'm@x.example', LastName: 'Kowalska', Company: 'K' })).toEqual({
      Email: 'm@x.example',
      LastName: 'Kowalska',
      Company: 'K',
    });
  });

  it('writes dateTime literals in whole seconds and reads Salesforce offsets', () => {
    expect(soqlDateTime(new Date('2026-11-23T09:00:00.789Z'))).toBe('2026-11-23T09:00:00Z');
    expect(salesforceDateTime('2026-11-23T09:00:00.000+0000')?.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(salesforceDateTime('2026-11-23T10:00:00.000+0100')?.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(salesforceDateTime('not a date')).toBeNull();
  });

  it('reads REQUEST_LIMIT_EXCEEDED as a rate limit (60 s unless told) and INVALID_SESSION_ID as unauthorized', () => {
    const limit = [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }];
    const limited = salesforceErrorOf(403, limit, 'Salesforce: limit', headers(), 0);
    expect(limited).toBeInstanceOf(CrmRateLimited);
    expect((limited as CrmRateLimited).retryAfterSeconds).toBe(60);
    expect(
      (salesforceErrorOf(403, limit, 'm', headers({ 'retry-after': '120' }), 0) as CrmRateLimited).retryAfterSeconds,
    ).toBe(120);
    const session = [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }];
    expect(salesforceErrorOf(401, session, 'm', headers(), 0)).toBeInstanceOf(CrmUnauthorized);
    // Another refusal is left to the status codes (a 4xx: rejected).
    expect(
      salesforceErrorOf(400, [{ errorCode: 'REQUIRED_FIELD_MISSING', message: 'x' }], 'm', headers(), 0),
    ).toBeUndefined();
    expect(salesforceErrorOf(500, 'oops', 'm', headers(), 0)).toBeUndefined();
  });
});

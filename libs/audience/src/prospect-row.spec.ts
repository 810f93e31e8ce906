import { checkProspect, fieldCountProblem, mapHeader, mergeProspects, ProspectInput, rowToInput } from './prospect-row';

describe('prospect rows', () => {
  it('maps headers by name and alias, keeps other valid names as custom fields, reports the rest', () => {
    const { columns, ignored, missingEmail } = mapHeader([
      '\uFEFFE-mail',
      'First Name',
      'surname',
      'Company',
      'Time Zone',
      'Industry',
      'custom_seats',
      '???',
      'email',
    ]);
    expect(missingEmail).toBe(false);
    expect(columns).toEqual([
      { field: 'email' },
      { field: 'firstName' },
      { field: 'lastName' },
      { field: 'company' },
      { field: 'timezone' },
      { custom: 'industry' },
      { custom: 'seats' },
      null,
      null,
    ]);
    expect(ignored).toEqual(['???', 'email']);
    expect(mapHeader(['name', 'phone']).missingEmail).toBe(true);
  });

  it('checks and normalises a row', () => {
    const { columns } = mapHeader(['email', 'first_name', 'timezone', 'industry']);
    const ok = checkProspect(rowToInput(columns, [' Ann@Example.COM ', ' Ann ', 'Europe/Warsaw', 'Retail']));
    expect(ok).toEqual({
      ok: true,
      prospect: expect.objectContaining({
        email: 'Ann@Example.COM',
        emailLower: 'ann@example.com',
        firstName: 'Ann',
        timezone: 'Europe/Warsaw',
        custom: { industry: 'Retail' },
      }),
    });
    expect(checkProspect(rowToInput(columns, ['', 'x', '', '']))).toEqual({
      ok: false,
      field: 'email',
      reason: 'email is missing',
    });
    expect(checkProspect(rowToInput(columns, ['not-mail', 'x', '', '']))).toMatchObject({ ok: false, field: 'email' });
    expect(checkProspect(rowToInput(columns, ['a@b.example', 'x', 'Mars/Base', '']))).toMatchObject({
      ok: false,
      field: 'timezone',
    });
    expect(checkProspect(rowToInput(columns, ['a@b.example', 'x'.repeat(201), '', '']))).toMatchObject({
      ok: false,
      field: 'firstName',
    });
  });

  it('reads the language from its column or an alias, keeps it canonical, and refuses what is not a BCP 47 tag', () => {
    expect(mapHeader(['email', 'Language', 'locale']).columns).toEqual([
      { field: 'email' },
      { field: 'language' },
      null,
    ]);
    expect(mapHeader(['email', 'Preferred language']).columns).toEqual([{ field: 'email' }, { field: 'language' }]);
    const withLanguage = (language: unknown) => checkProspect({ email: 'a@b.example', language } as ProspectInput);
    expect(withLanguage(' pt-br ')).toMatchObject({ ok: true, prospect: { language: 'pt-BR' } });
    expect(withLanguage('FR-ca')).toMatchObject({ ok: true, prospect: { language: 'fr-CA' } });
    expect(withLanguage('')).toMatchObject({ ok: true, prospect: { language: null } });
    expect(withLanguage(undefined)).toMatchObject({ ok: true, prospect: { language: null } });
    expect(withLanguage('French')).toMatchObject({ ok: false, field: 'language' });
    expect(withLanguage('en_US')).toEqual({
      ok: false,
      field: 'language',
      reason: 'language "en_US" is not a BCP 47 language tag (such as de, fr-CA or pt-BR)',
    });
    expect(withLanguage('de-1')).toMatchObject({ ok: false, field: 'language' });
    expect(withLanguage('x'.repeat(36))).toMatchObject({ ok: false, field: 'language' });
    expect(withLanguage(49)).toEqual({ ok: false, field: 'language', reason: 'language must be text' });
  });

  it('refuses values that are not text by name, whatever a body holds', () => {
    const odd = (custom: unknown) => checkProspect({ email: 'a@b.example', custom } as ProspectInput);
    expect(odd({ seats: 12 })).toEqual({ ok: false, field: 'custom.seats', reason: 'custom.seats must be text' });
    expect(odd({ seats: { a: 1 } })).toMatchObject({ ok: false, field: 'custom.seats' });
    expect(odd(['x'])).toMatchObject({ ok: false, field: 'custom' });
    expect(checkProspect({ email: 'a@b.example', firstName: 7 } as unknown as ProspectInput)).toMatchObject({
      ok: false,
      field: 'firstName',
    });
    expect(checkProspect({ email: 42 } as unknown as ProspectInput)).toMatchObject({ ok: false, field: 'email' });
  });

  it('refuses a row whose fields do not line up with the header, but not trailing empty ones', () => {
    expect(fieldCountProblem(3, ['a@b.example', 'Ann', 'Acme'])).toBeNull();
    expect(fieldCountProblem(3, ['a@b.example', 'Ann', 'Acme', '', ' '])).toBeNull();
    expect(fieldCountProblem(3, ['a@b.example', 'Ann'])).toBe('the row has 2 fields where the header has 3');
    expect(fieldCountProblem(3, ['a@b.example', 'Ann', 'Nowak', 'Kowalski & Co'])).toBe(
      'the row has 4 fields where the header has 3',
    );
  });

  it('merges duplicates: later non-empty values win, custom fields merge', () => {
    const a = checkProspect({ email: 'a@b.example', firstName: 'Ann', company: 'Old', custom: { x: '1' } });
    const b = checkProspect({ email: 'A@B.example', company: 'New', custom: { y: '2' } });
    if (!a.ok || !b.ok) throw new Error('fixtures');
    expect(mergeProspects(a.prospect, b.prospect)).toMatchObject({
      emailLower: 'a@b.example',
      firstName: 'Ann',
      company: 'New',
      custom: { x: '1', y: '2' },
    });
  });
});

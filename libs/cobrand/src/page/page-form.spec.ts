import type { PageForm } from '@tcma/campaign-model';
import { checkSubmission, renderPageForm } from './page-form';
import { pageFormWords } from './page-form-words';

const FORM: PageForm = {
  fields: [
    { name: 'email', label: 'Email', type: 'email', required: true },
    { name: 'first_name', label: 'First name', type: 'text', required: true, maxLength: 5 },
    { name: 'phone', label: 'Phone', type: 'tel', required: false },
    { name: 'newsletter', label: 'Newsletter', type: 'checkbox', required: false },
  ],
  consent: { text: 'I agree', required: true },
  submitLabel: 'Send',
  successMessage: 'Thanks',
  onSubmit: 'none',
};

describe(checkSubmission.name, () => {
  it('answers one message per field and keeps what was valid', () => {
    const sut = checkSubmission(FORM, { email: 'nope', first_name: ' Annabelle ', phone: '12 34', tcma_website: '' });
    expect(sut.errors).toEqual({
      email: 'must be an email address, like name@example.com',
      first_name: 'must be at most 5 characters',
      consent: 'Please tick this box to continue',
    });
    expect(sut.values).toEqual({ phone: '12 34' });
    expect(sut.bot).toBe(false);
  });

  it('accepts a good submission, trimmed, and refuses repeated or control characters', () => {
    expect(
      checkSubmission(FORM, {
        email: ' ada@example.com ',
        first_name: 'Ada',
        newsletter: 'on',
        consent: 'yes',
        tcma_website: '',
      }),
    ).toEqual({
      values: { email: 'ada@example.com', first_name: 'Ada', newsletter: 'yes' },
      consent: true,
      errors: {},
      bot: false,
    });
    expect(
      checkSubmission(FORM, { email: ['a@b.co', 'c@d.co'], first_name: 'A\u0000b', consent: 'yes' }).errors,
    ).toEqual({ email: 'must be given once', first_name: 'contains characters that are not allowed' });
  });

  it('takes a filled honeypot for a bot', () => {
    expect(checkSubmission(FORM, { email: 'a@b.co', first_name: 'A', consent: 'yes', tcma_website: 'x' }).bot).toBe(
      true,
    );
  });
});

describe(renderPageForm.name, () => {
  it('escapes kept values and links each message to its field', () => {
    const html = renderPageForm(FORM, 'I agree', {
      kind: 'refused',
      values: { first_name: '"><script>' },
      errors: { email: 'bad' },
      consent: false,
    });
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('aria-describedby="tcma-f-email-error"');
    expect(html).toContain('<p class="tcma-error" id="tcma-f-email-error">bad</p>');
  });
});

describe(pageFormWords.name, () => {
  it("answers in the page's language where the engine speaks it (its region aside), else in English", () => {
    const refused = (language: string) => {
      const words = pageFormWords(language);
      const check = checkSubmission(FORM, { email: 'nope', first_name: '' }, words);
      return renderPageForm(
        FORM,
        'I agree',
        { kind: 'refused', values: {}, errors: check.errors, consent: false },
        words,
      );
    };
    const austrian = refused('de-AT');
    expect(austrian).toContain('Bitte korrigieren Sie die 3 unten markierten Felder.');
    expect(austrian).toContain('First name ist erforderlich');
    expect(austrian).toContain('Dieses Feld leer lassen');
    expect(refused('fr-CA')).toContain('doit être une adresse e-mail, comme nom@example.com');
    expect(refused('es')).toContain('Marque esta casilla para continuar');
    expect(refused('pt-BR')).toContain('Please correct the 3 fields marked below.');
  });
});

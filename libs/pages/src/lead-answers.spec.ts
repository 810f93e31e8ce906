import { labelledAnswers } from './lead-answers';

describe('labelledAnswers', () => {
  it("labels answers as the form declared them, in the form's order, and falls back to the key", () => {
    const declared = [
      { name: 'email', label: 'Work email' },
      { name: 'last_name', label: 'Last name' },
      { name: 'company', label: 'Company' },
    ];
    expect(
      labelledAnswers({ seats: '25', company: 'Firma', email: 'ewa@firma.example', last_name: 'Nowak' }, declared),
    ).toEqual([
      { name: 'email', label: 'Work email', value: 'ewa@firma.example' },
      { name: 'last_name', label: 'Last name', value: 'Nowak' },
      { name: 'company', label: 'Company', value: 'Firma' },
      { name: 'seats', label: 'seats', value: '25' },
    ]);
  });

  it('labels every answer by its key when the version declares no form', () => {
    expect(labelledAnswers({ email: 'a@b.example' }, [])).toEqual([
      { name: 'email', label: 'email', value: 'a@b.example' },
    ]);
  });
});

import type { EmailCatalogue } from '@tcma/locales';

export interface PasswordResetValues {
  email: string;
  ttlMinutes: number;
}

export interface PasswordResetWords {
  subject: string;
  lead: string[];
  action: string;
  after: string[];
}

/** The password reset email, in each language. */
export const PASSWORD_RESET_EMAIL: EmailCatalogue<PasswordResetValues, PasswordResetWords> = {
  en: ({ email, ttlMinutes }) => ({
    subject: 'Reset your password',
    lead: [`Someone asked to reset the password of ${email}.`],
    action: 'Choose a new password',
    after: [
      `The link works once, for ${ttlMinutes} minutes.`,
      'If it was not you, ignore this email: your password stays as it is.',
    ],
  }),
  de: ({ email, ttlMinutes }) => ({
    subject: 'Passwort zurücksetzen',
    lead: [`Jemand hat angefordert, das Passwort von ${email} zurückzusetzen.`],
    action: 'Neues Passwort wählen',
    after: [
      `Der Link funktioniert ein einziges Mal, ${ttlMinutes} Minuten lang.`,
      'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.',
    ],
  }),
  fr: ({ email, ttlMinutes }) => ({
    subject: 'Réinitialiser votre mot de passe',
    lead: [`Quelqu’un a demandé à réinitialiser le mot de passe de ${email}.`],
    action: 'Choisir un nouveau mot de passe',
    after: [
      `Le lien ne fonctionne qu’une fois, pendant ${ttlMinutes} minutes.`,
      'Si ce n’était pas vous, ignorez cet e-mail : votre mot de passe reste inchangé.',
    ],
  }),
  es: ({ email, ttlMinutes }) => ({
    subject: 'Restablecer su contraseña',
    lead: [`Alguien ha pedido restablecer la contraseña de ${email}.`],
    action: 'Elegir una contraseña nueva',
    after: [
      `El enlace funciona una sola vez, durante ${ttlMinutes} minutos.`,
      'Si no fue usted, ignore este correo: su contraseña sigue como está.',
    ],
  }),
};

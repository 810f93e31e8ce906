import { isLocale, type Locale } from '@tcma/locales';

/**
 * The engine's own words on a landing page's form (the vendor's are the page's: labels, consent,
 * button, thank-you): what a visitor reads when a field is refused, the summary above the form,
 * the rate limit's notice, the hidden honeypot's label.
 */
export interface PageFormWords {
  givenOnce: string;
  ticked: string;
  required: (label: string) => string;
  notAllowed: string;
  atMost: (max: number) => string;
  email: string;
  phone: string;
  /** A language field's value that names no language (the prospect's language is a BCP 47 tag). */
  language: string;
  /** A time zone field's value that is not one (an IANA name). */
  timezone: string;
  /** Any other value the partner's audience refuses (a field the form's own checks let through). */
  invalid: string;
  consent: string;
  summary: (count: number) => string;
  tooMany: string;
  honeypot: string;
}

const WORDS: Record<Locale, PageFormWords> = {
  en: {
    givenOnce: 'must be given once',
    ticked: 'must be ticked',
    required: (label) => `${label} is required`,
    notAllowed: 'contains characters that are not allowed',
    atMost: (max) => `must be at most ${max} characters`,
    email: 'must be an email address, like name@example.com',
    phone: 'must be a phone number: digits, spaces and + ( ) . - /',
    language: 'must be a language code, like en, de or pt-BR',
    timezone: 'must be a time zone, like Europe/Berlin',
    invalid: 'is not a value we can accept',
    consent: 'Please tick this box to continue',
    summary: (count) => `Please correct ${count === 1 ? 'the field' : `the ${count} fields`} marked below.`,
    tooMany: 'Too many submissions from your address or to this page; please try again in a minute.',
    honeypot: 'Leave this empty',
  },
  de: {
    givenOnce: 'darf nur einmal angegeben werden',
    ticked: 'muss angekreuzt sein',
    required: (label) => `${label} ist erforderlich`,
    notAllowed: 'enthält nicht erlaubte Zeichen',
    atMost: (max) => `darf höchstens ${max} Zeichen lang sein`,
    email: 'muss eine E-Mail-Adresse sein, wie name@example.com',
    phone: 'muss eine Telefonnummer sein: Ziffern, Leerzeichen und + ( ) . - /',
    language: 'muss ein Sprachcode sein, wie en, de oder pt-BR',
    timezone: 'muss eine Zeitzone sein, wie Europe/Berlin',
    invalid: 'ist kein Wert, den wir annehmen können',
    consent: 'Bitte kreuzen Sie dieses Feld an, um fortzufahren',
    summary: (count) =>
      `Bitte korrigieren Sie ${count === 1 ? 'das unten markierte Feld' : `die ${count} unten markierten Felder`}.`,
    tooMany: 'Zu viele Anfragen von Ihrer Adresse oder an diese Seite; bitte versuchen Sie es in einer Minute erneut.',
    honeypot: 'Dieses Feld leer lassen',
  },
  fr: {
    givenOnce: 'ne doit être donné qu’une fois',
    ticked: 'doit être coché',
    required: (label) => `${label} est obligatoire`,
    notAllowed: 'contient des caractères non autorisés',
    atMost: (max) => `doit faire au plus ${max} caractères`,
    email: 'doit être une adresse e-mail, comme nom@example.com',
    phone: 'doit être un numéro de téléphone : chiffres, espaces et + ( ) . - /',
    language: 'doit être un code de langue, comme en, de ou pt-BR',
    timezone: 'doit être un fuseau horaire, comme Europe/Paris',
    invalid: 'n’est pas une valeur que nous pouvons accepter',
    consent: 'Veuillez cocher cette case pour continuer',
    summary: (count) =>
      `Veuillez corriger ${count === 1 ? 'le champ signalé' : `les ${count} champs signalés`} ci-dessous.`,
    tooMany: 'Trop d’envois depuis votre adresse ou vers cette page ; veuillez réessayer dans une minute.',
    honeypot: 'Laissez ce champ vide',
  },
  es: {
    givenOnce: 'debe indicarse una sola vez',
    ticked: 'debe estar marcado',
    required: (label) => `${label} es obligatorio`,
    notAllowed: 'contiene caracteres no permitidos',
    atMost: (max) => `debe tener como máximo ${max} caracteres`,
    email: 'debe ser una dirección de correo, como nombre@example.com',
    phone: 'debe ser un número de teléfono: dígitos, espacios y + ( ) . - /',
    language: 'debe ser un código de idioma, como en, de o pt-BR',
    timezone: 'debe ser una zona horaria, como Europe/Madrid',
    invalid: 'no es un valor que podamos aceptar',
    consent: 'Marque esta casilla para continuar',
    summary: (count) => `Corrija ${count === 1 ? 'el campo marcado' : `los ${count} campos marcados`} abajo.`,
    tooMany: 'Demasiados envíos desde su dirección o a esta página; inténtelo de nuevo en un minuto.',
    honeypot: 'Deje este campo vacío',
  },
};

/**
 * The form's words in the page's language (a BCP 47 tag): its language's when the engine speaks
 * it (`de-AT` reads German), else English. A page in a language the engine does not speak has the
 * vendor's words in that language and the engine's few in English.
 */
export function pageFormWords(language: string): PageFormWords {
  const primary = language.split('-')[0].toLowerCase();
  return WORDS[isLocale(primary) ? primary : 'en'];
}

import { isLocale, type Locale } from '@tcma/locales';
import type { UnsubscribeLevel } from './unsubscribe.service';

/** The names a preference page words its choices with. */
export interface PreferenceNames {
  campaignName: string;
  partnerName: string;
  vendorName: string;
}

/**
 * The words of the pages a recipient reaches from an email's links (unsubscribe, preferences), in
 * each language the engine speaks. Values are plain text; `intro` marks the address and the
 * partner's name with `<strong>` around `{email}` and `{partner}`, which the page fills escaped.
 */
export interface RecipientPageWords {
  unsubscribeTitle: string;
  unsubscribeText: (email: string) => string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedText: (email: string) => string;
  invalidTitle: string;
  invalidUnsubscribe: string;
  invalidPreferences: string;
  preferencesTitle: string;
  /** HTML with `{email}`, `{partner}` and `{vendor}` to fill (escaped) and `<strong>` kept. */
  intro: string;
  question: string;
  save: string;
  savedTitle: string;
  appliesTo: (email: string) => string;
  chooseOne: string;
  choices: Record<UnsubscribeLevel, (n: PreferenceNames) => { label: string; done: string }>;
}

const WORDS: Record<Locale, RecipientPageWords> = {
  en: {
    unsubscribeTitle: 'Unsubscribe?',
    unsubscribeText: (email) => `${email} will no longer receive emails from this sender.`,
    unsubscribeButton: 'Unsubscribe',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribedText: (email) => `${email} will not receive further emails from this sender.`,
    invalidTitle: 'This link is not valid',
    invalidUnsubscribe: 'Use the unsubscribe link of the email itself, or reply to it and ask to be removed.',
    invalidPreferences: 'Use the email preferences link of the email itself, or reply to it and ask to be removed.',
    preferencesTitle: 'Email preferences',
    intro: 'Emails to <strong>{email}</strong> from <strong>{partner}</strong>, a partner of {vendor}.',
    question: 'What would you like to stop?',
    save: 'Save my choice',
    savedTitle: 'Your choice is saved',
    appliesTo: (email) => `This applies to ${email}.`,
    chooseOne: 'Choose one of the options above',
    choices: {
      campaign: (n) => ({
        label: `Stop emails about ${n.campaignName} from ${n.partnerName}`,
        done: `You will receive no more emails about ${n.campaignName} from ${n.partnerName}.`,
      }),
      partner: (n) => ({
        label: `Stop all emails from ${n.partnerName}`,
        done: `You will receive no more emails from ${n.partnerName}.`,
      }),
      network: (n) => ({
        label: `Stop all emails from ${n.vendorName} and every partner of its network`,
        done: `You will receive no more emails from ${n.vendorName} or any of its partners.`,
      }),
    },
  },
  de: {
    unsubscribeTitle: 'Abmelden?',
    unsubscribeText: (email) => `${email} erhält dann keine E-Mails mehr von diesem Absender.`,
    unsubscribeButton: 'Abmelden',
    unsubscribedTitle: 'Sie sind abgemeldet',
    unsubscribedText: (email) => `${email} erhält keine weiteren E-Mails von diesem Absender.`,
    invalidTitle: 'Dieser Link ist nicht gültig',
    invalidUnsubscribe:
      'Verwenden Sie den Abmeldelink der E-Mail selbst, oder antworten Sie darauf und bitten Sie um Entfernung.',
    invalidPreferences:
      'Verwenden Sie den Link zu den E-Mail-Einstellungen der E-Mail selbst, oder antworten Sie darauf und bitten Sie um Entfernung.',
    preferencesTitle: 'E-Mail-Einstellungen',
    intro: 'E-Mails an <strong>{email}</strong> von <strong>{partner}</strong>, einem Partner von {vendor}.',
    question: 'Was möchten Sie nicht mehr erhalten?',
    save: 'Auswahl speichern',
    savedTitle: 'Ihre Auswahl ist gespeichert',
    appliesTo: (email) => `Das gilt für ${email}.`,
    chooseOne: 'Wählen Sie eine der Möglichkeiten oben',
    choices: {
      campaign: (n) => ({
        label: `Keine E-Mails mehr zu ${n.campaignName} von ${n.partnerName}`,
        done: `Sie erhalten keine E-Mails mehr zu ${n.campaignName} von ${n.partnerName}.`,
      }),
      partner: (n) => ({
        label: `Keine E-Mails mehr von ${n.partnerName}`,
        done: `Sie erhalten keine E-Mails mehr von ${n.partnerName}.`,
      }),
      network: (n) => ({
        label: `Keine E-Mails mehr von ${n.vendorName} und allen Partnern seines Netzwerks`,
        done: `Sie erhalten keine E-Mails mehr von ${n.vendorName} oder einem seiner Partner.`,
      }),
    },
  },
  fr: {
    unsubscribeTitle: 'Se désabonner ?',
    unsubscribeText: (email) => `${email} ne recevra plus d’e-mails de cet expéditeur.`,
    unsubscribeButton: 'Se désabonner',
    unsubscribedTitle: 'Vous êtes désabonné',
    unsubscribedText: (email) => `${email} ne recevra plus d’e-mails de cet expéditeur.`,
    invalidTitle: 'Ce lien n’est pas valide',
    invalidUnsubscribe:
      'Utilisez le lien de désabonnement de l’e-mail lui-même, ou répondez-y pour demander à être retiré.',
    invalidPreferences:
      'Utilisez le lien des préférences de l’e-mail lui-même, ou répondez-y pour demander à être retiré.',
    preferencesTitle: 'Préférences e-mail',
    intro: 'E-mails à <strong>{email}</strong> de <strong>{partner}</strong>, partenaire de {vendor}.',
    question: 'Que souhaitez-vous arrêter ?',
    save: 'Enregistrer mon choix',
    savedTitle: 'Votre choix est enregistré',
    appliesTo: (email) => `Cela s’applique à ${email}.`,
    chooseOne: 'Choisissez l’une des options ci-dessus',
    choices: {
      campaign: (n) => ({
        label: `Ne plus recevoir d’e-mails sur ${n.campaignName} de ${n.partnerName}`,
        done: `Vous ne recevrez plus d’e-mails sur ${n.campaignName} de ${n.partnerName}.`,
      }),
      partner: (n) => ({
        label: `Ne plus recevoir d’e-mails de ${n.partnerName}`,
        done: `Vous ne recevrez plus d’e-mails de ${n.partnerName}.`,
      }),
      network: (n) => ({
        label: `Ne plus recevoir d’e-mails de ${n.vendorName} ni d’aucun partenaire de son réseau`,
        done: `Vous ne recevrez plus d’e-mails de ${n.vendorName} ni d’aucun de ses partenaires.`,
      }),
    },
  },
  es: {
    unsubscribeTitle: '¿Darse de baja?',
    unsubscribeText: (email) => `${email} dejará de recibir correos de este remitente.`,
    unsubscribeButton: 'Darse de baja',
    unsubscribedTitle: 'Se ha dado de baja',
    unsubscribedText: (email) => `${email} no recibirá más correos de este remitente.`,
    invalidTitle: 'Este enlace no es válido',
    invalidUnsubscribe: 'Use el enlace de baja del propio correo, o respóndalo y pida que le retiren.',
    invalidPreferences: 'Use el enlace de preferencias del propio correo, o respóndalo y pida que le retiren.',
    preferencesTitle: 'Preferencias de correo',
    intro: 'Correos a <strong>{email}</strong> de <strong>{partner}</strong>, socio de {vendor}.',
    question: '¿Qué desea dejar de recibir?',
    save: 'Guardar mi elección',
    savedTitle: 'Su elección está guardada',
    appliesTo: (email) => `Se aplica a ${email}.`,
    chooseOne: 'Elija una de las opciones de arriba',
    choices: {
      campaign: (n) => ({
        label: `Dejar de recibir correos sobre ${n.campaignName} de ${n.partnerName}`,
        done: `No recibirá más correos sobre ${n.campaignName} de ${n.partnerName}.`,
      }),
      partner: (n) => ({
        label: `Dejar de recibir correos de ${n.partnerName}`,
        done: `No recibirá más correos de ${n.partnerName}.`,
      }),
      network: (n) => ({
        label: `Dejar de recibir correos de ${n.vendorName} y de todos los socios de su red`,
        done: `No recibirá más correos de ${n.vendorName} ni de ninguno de sus socios.`,
      }),
    },
  },
};

/**
 * The words for someone reading `language` (a BCP 47 tag: the language their email was sent in;
 * `de-AT` reads German): its language's when the engine speaks it, else English.
 */
export function recipientPageWords(language: string | null | undefined): { locale: Locale; words: RecipientPageWords } {
  const primary = (language ?? '').split('-')[0].toLowerCase();
  const locale: Locale = isLocale(primary) ? primary : 'en';
  return { locale, words: WORDS[locale] };
}

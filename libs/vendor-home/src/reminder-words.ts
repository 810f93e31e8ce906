import type { EmailCatalogue } from '@tcma/locales';

interface Values {
  vendor: string;
  partnerName: string;
  campaign: string;
}

/** The words of the vendor home's reminder, in one language. */
export interface ReminderWords {
  subject: string;
  lead: string[];
  action: string;
  after: string[];
}

/** The reminder an idle partner's users get, in each language the engine speaks. */
export const REMINDER_EMAIL: EmailCatalogue<Values, ReminderWords> = {
  en: ({ vendor, partnerName, campaign }) => ({
    subject: `${campaign} is ready for ${partnerName} to launch`,
    lead: [
      `${vendor} has a campaign ready for ${partnerName}: ${campaign}, co-branded with your logo and details.`,
      'It goes to all your prospects, each email at a good time in their own time zone.',
    ],
    action: `Launch ${campaign}`,
    after: ['The button opens a page that asks you to confirm; nothing happens until you do.'],
  }),
  de: ({ vendor, partnerName, campaign }) => ({
    subject: `${campaign} ist bereit zum Start für ${partnerName}`,
    lead: [
      `${vendor} hat eine Kampagne für ${partnerName} bereit: ${campaign}, mit Ihrem Logo und Ihren Angaben.`,
      'Sie geht an alle Ihre Interessenten, jede E-Mail zu einer guten Zeit in deren Zeitzone.',
    ],
    action: `${campaign} starten`,
    after: ['Die Schaltfläche öffnet eine Seite, die Sie um Bestätigung bittet; erst dann geschieht etwas.'],
  }),
  fr: ({ vendor, partnerName, campaign }) => ({
    subject: `${campaign} est prête à être lancée par ${partnerName}`,
    lead: [
      `${vendor} a une campagne prête pour ${partnerName} : ${campaign}, à votre logo et avec vos coordonnées.`,
      'Elle part vers tous vos prospects, chaque e-mail à une bonne heure dans leur fuseau horaire.',
    ],
    action: `Lancer ${campaign}`,
    after: ['Le bouton ouvre une page qui vous demande de confirmer ; rien ne se passe avant.'],
  }),
  es: ({ vendor, partnerName, campaign }) => ({
    subject: `${campaign} está lista para que ${partnerName} la lance`,
    lead: [
      `${vendor} tiene una campaña lista para ${partnerName}: ${campaign}, con su logotipo y sus datos.`,
      'Se envía a todos sus contactos, cada correo a una buena hora en su propia zona horaria.',
    ],
    action: `Lanzar ${campaign}`,
    after: ['El botón abre una página que le pide confirmar; no ocurre nada hasta que lo haga.'],
  }),
};

import type { EmailCatalogue } from '@tcma/locales';

/** The words of one notice about a launch's approval, in one language. */
export interface LaunchNoticeWords {
  subject: string;
  lead: string[];
  action: string;
  after: string[];
}

interface AskedValues {
  partner: string;
  campaign: string;
  /** The blocks' labels (else their names), joined. */
  blocks: string;
}

/** The email a vendor's approvers get when a partner's launch waits for their approval of its own words. */
export const LAUNCH_APPROVAL_ASKED: EmailCatalogue<AskedValues, LaunchNoticeWords> = {
  en: ({ partner, campaign, blocks }) => ({
    subject: `${partner} is waiting for your approval to launch ${campaign}`,
    lead: [`${partner} wrote its own words for ${campaign} (${blocks}). The launch starts only once you approve them.`],
    action: 'Read and decide',
    after: [
      'Approving starts the launch and remembers these words; returning it asks for a comment the partner reads.',
    ],
  }),
  de: ({ partner, campaign, blocks }) => ({
    subject: `${partner} wartet auf Ihre Freigabe, um ${campaign} zu starten`,
    lead: [
      `${partner} hat eigene Texte für ${campaign} geschrieben (${blocks}). Der Start erfolgt erst nach Ihrer Freigabe.`,
    ],
    action: 'Lesen und entscheiden',
    after: [
      'Die Freigabe startet den Versand und merkt sich diese Texte; beim Zurückgeben schreiben Sie einen Kommentar für den Partner.',
    ],
  }),
  fr: ({ partner, campaign, blocks }) => ({
    subject: `${partner} attend votre validation pour lancer ${campaign}`,
    lead: [
      `${partner} a rédigé ses propres textes pour ${campaign} (${blocks}). Le lancement ne démarre qu'après votre validation.`,
    ],
    action: 'Lire et décider',
    after: [
      'Valider démarre le lancement et retient ces textes ; le renvoyer demande un commentaire que le partenaire lira.',
    ],
  }),
  es: ({ partner, campaign, blocks }) => ({
    subject: `${partner} espera su aprobación para lanzar ${campaign}`,
    lead: [
      `${partner} escribió sus propios textos para ${campaign} (${blocks}). El lanzamiento solo empieza cuando usted los apruebe.`,
    ],
    action: 'Leer y decidir',
    after: [
      'Si usted aprueba, el lanzamiento empieza y se recuerdan estos textos; si lo devuelve, se le pide un comentario que el socio leerá.',
    ],
  }),
};

interface ApprovedValues {
  campaign: string;
  /** When the launch starts, as the reader reads a date. */
  start: string;
}

/** The email the partner's user who launched gets when the vendor approves its words. */
export const LAUNCH_APPROVED: EmailCatalogue<ApprovedValues, LaunchNoticeWords> = {
  en: ({ campaign, start }) => ({
    subject: `Your launch of ${campaign} is approved`,
    lead: [`Your words for ${campaign} are approved. The launch starts on ${start}.`],
    action: 'Open the launch',
    after: ['The same words need no approval in your next launch of this campaign.'],
  }),
  de: ({ campaign, start }) => ({
    subject: `Ihr Start von ${campaign} ist freigegeben`,
    lead: [`Ihre Texte für ${campaign} sind freigegeben. Der Start erfolgt am ${start}.`],
    action: 'Start öffnen',
    after: ['Dieselben Texte brauchen bei Ihrem nächsten Start dieser Kampagne keine Freigabe.'],
  }),
  fr: ({ campaign, start }) => ({
    subject: `Votre lancement de ${campaign} est validé`,
    lead: [`Vos textes pour ${campaign} sont validés. Le lancement démarre le ${start}.`],
    action: 'Ouvrir le lancement',
    after: ["Les mêmes textes n'auront pas besoin de validation lors de votre prochain lancement de cette campagne."],
  }),
  es: ({ campaign, start }) => ({
    subject: `Su lanzamiento de ${campaign} está aprobado`,
    lead: [`Sus textos para ${campaign} están aprobados. El lanzamiento empieza el ${start}.`],
    action: 'Abrir el lanzamiento',
    after: ['Los mismos textos no necesitarán aprobación en su próximo lanzamiento de esta campaña.'],
  }),
};

interface ReturnedValues {
  campaign: string;
  /** The approver's comment, as written. */
  comment: string;
}

/** The email the partner's user who launched gets when the vendor returns the launch, with the approver's comment. */
export const LAUNCH_RETURNED: EmailCatalogue<ReturnedValues, LaunchNoticeWords> = {
  en: ({ campaign, comment }) => ({
    subject: `Your launch of ${campaign} was returned`,
    lead: [`Your words for ${campaign} were not approved, and nothing was sent. The comment:`, comment],
    action: 'Open the launch',
    after: ['Launch the campaign again with new words when you are ready.'],
  }),
  de: ({ campaign, comment }) => ({
    subject: `Ihr Start von ${campaign} wurde zurückgegeben`,
    lead: [
      `Ihre Texte für ${campaign} wurden nicht freigegeben, und es wurde nichts versendet. Der Kommentar:`,
      comment,
    ],
    action: 'Start öffnen',
    after: ['Starten Sie die Kampagne mit neuen Texten erneut, sobald Sie bereit sind.'],
  }),
  fr: ({ campaign, comment }) => ({
    subject: `Votre lancement de ${campaign} a été renvoyé`,
    lead: [`Vos textes pour ${campaign} n'ont pas été validés, et rien n'a été envoyé. Le commentaire :`, comment],
    action: 'Ouvrir le lancement',
    after: ['Relancez la campagne avec de nouveaux textes quand vous le souhaitez.'],
  }),
  es: ({ campaign, comment }) => ({
    subject: `Su lanzamiento de ${campaign} fue devuelto`,
    lead: [`Sus textos para ${campaign} no fueron aprobados y no se envió nada. El comentario:`, comment],
    action: 'Abrir el lanzamiento',
    after: ['Lance la campaña de nuevo con otros textos cuando usted lo desee.'],
  }),
};

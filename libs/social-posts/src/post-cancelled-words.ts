import type { EmailCatalogue } from '@tcma/locales';

/** The values of the email, already written in the reader's language where they are dates or lists. */
export interface PostCancelledValues {
  vendorName: string;
  userName: string;
  companyName: string;
  campaignName: string;
  networks: string;
  due: string;
}

export interface PostCancelledWords {
  subject: string;
  cancelled: string;
  calendar: string;
  openCalendar: string;
  /** Who acted, and when, is in the log: the sentence around the log's link, split where the link goes. */
  logBefore: string;
  logLink: string;
  logAfter: string;
}

/** The email telling a partner's users that a vendor user cancelled their post, in each language. */
export const POST_CANCELLED_EMAIL: EmailCatalogue<PostCancelledValues, PostCancelledWords> = {
  en: (v) => ({
    subject: `${v.vendorName} cancelled your scheduled ${v.networks} post “${v.campaignName}”`,
    cancelled: `${v.userName} of ${v.vendorName}, acting for ${v.companyName}, cancelled the ${v.networks} post of “${v.campaignName}” that was due on ${v.due}. It will not be published.`,
    calendar: 'Your social calendar',
    openCalendar: 'Open your social calendar',
    logBefore: `Who at ${v.vendorName} acted for you, and when, is in `,
    logLink: "your account's concierge log",
    logAfter: '.',
  }),
  de: (v) => ({
    subject: `${v.vendorName} hat Ihren geplanten Beitrag „${v.campaignName}“ auf ${v.networks} abgesagt`,
    cancelled: `${v.userName} von ${v.vendorName} hat im Auftrag von ${v.companyName} den Beitrag „${v.campaignName}“ auf ${v.networks} abgesagt, der für ${v.due} geplant war. Er wird nicht veröffentlicht.`,
    calendar: 'Ihr Social-Media-Kalender',
    openCalendar: 'Social-Media-Kalender öffnen',
    logBefore: `Wer bei ${v.vendorName} wann für Sie gehandelt hat, steht im `,
    logLink: 'Concierge-Protokoll Ihres Kontos',
    logAfter: '.',
  }),
  fr: (v) => ({
    subject: `${v.vendorName} a annulé votre publication ${v.networks} programmée « ${v.campaignName} »`,
    cancelled: `${v.userName}, de ${v.vendorName}, agissant pour ${v.companyName}, a annulé la publication ${v.networks} de « ${v.campaignName} » prévue le ${v.due}. Elle ne sera pas publiée.`,
    calendar: 'Votre calendrier social',
    openCalendar: 'Ouvrir votre calendrier social',
    logBefore: `Qui, chez ${v.vendorName}, a agi pour vous, et quand, figure dans `,
    logLink: 'le journal concierge de votre compte',
    logAfter: '.',
  }),
  es: (v) => ({
    subject: `${v.vendorName} canceló su publicación programada en ${v.networks} «${v.campaignName}»`,
    cancelled: `${v.userName}, de ${v.vendorName}, actuando en nombre de ${v.companyName}, canceló la publicación en ${v.networks} de «${v.campaignName}» prevista para el ${v.due}. No se publicará.`,
    calendar: 'Su calendario social',
    openCalendar: 'Abrir su calendario social',
    logBefore: `Quién de ${v.vendorName} actuó por usted, y cuándo, figura en `,
    logLink: 'el registro de conserjería de su cuenta',
    logAfter: '.',
  }),
};

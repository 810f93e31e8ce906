import type { EmailCatalogue } from '@tcma/locales';
import type { AudienceSpec } from '@tcma/persistence';

/** The words of the pending-launch email and the weekly digest, in one language. */
export interface PendingLaunchWords {
  readySubject: (campaign: string, company: string) => string;
  waitingSubject: (campaign: string) => string;
  /** `count` is already written in the reader's language ("12", "1.234"); `n` chooses the grammatical number. */
  digestSubject: (count: string, n: number) => string;
  fromProgramme: (programme: string) => string;
  /** The programme, as the plain-text part names it beside the campaign. */
  programmeInText: (programme: string) => string;
  waitsUntilFixed: (missing: string) => string;
  startsBySelf: (when: string, audience: string) => string;
  audience: Record<AudienceSpec['type'], string>;
  launchNow: (audience: string) => string;
  skip: string;
  editInPortal: string;
  preview: string;
  previewOf: (subject: string) => string;
  more: (count: string) => string;
  confirmFirst: string;
}

/** The pending-launch email and digest in each language the engine speaks. */
export const PENDING_LAUNCH_EMAIL: EmailCatalogue<void, PendingLaunchWords> = {
  en: () => ({
    readySubject: (campaign, company) => `${campaign} is ready to launch for ${company}`,
    waitingSubject: (campaign) => `${campaign} is waiting for your brand kit`,
    digestSubject: (count, n) =>
      n === 1 ? `${count} new campaign is ready for you` : `${count} new campaigns are ready for you`,
    fromProgramme: (programme) => `From the programme ${programme}`,
    programmeInText: (programme) => `programme ${programme}`,
    waitsUntilFixed: (missing) => `It waits until you fix: ${missing}.`,
    startsBySelf: (when, audience) => `It starts by itself on ${when} for ${audience} unless you skip it.`,
    audience: { all: 'all your prospects', list: 'your saved list', filter: 'your filtered prospects' },
    launchNow: (audience) => `Launch now for ${audience}`,
    skip: 'Skip',
    editInPortal: 'Edit in portal',
    preview: 'Preview of the first email, with your brand',
    previewOf: (subject) => `Preview of the first email: “${subject}”, with your brand`,
    more: (count) => `…and ${count} more in the portal.`,
    confirmFirst: 'The buttons open a page that asks you to confirm; nothing happens until you do.',
  }),
  de: () => ({
    readySubject: (campaign, company) => `${campaign} ist bereit zum Start für ${company}`,
    waitingSubject: (campaign) => `${campaign} wartet auf Ihr Brand-Kit`,
    digestSubject: (count, n) =>
      n === 1 ? `${count} neue Kampagne ist für Sie bereit` : `${count} neue Kampagnen sind für Sie bereit`,
    fromProgramme: (programme) => `Aus dem Programm ${programme}`,
    programmeInText: (programme) => `Programm ${programme}`,
    waitsUntilFixed: (missing) => `Sie wartet, bis Sie Folgendes beheben: ${missing}.`,
    startsBySelf: (when, audience) =>
      `Sie startet von selbst am ${when} für ${audience}, sofern Sie sie nicht überspringen.`,
    audience: {
      all: 'alle Ihre Interessenten',
      list: 'Ihre gespeicherte Liste',
      filter: 'Ihre gefilterten Interessenten',
    },
    launchNow: (audience) => `Jetzt starten für ${audience}`,
    skip: 'Überspringen',
    editInPortal: 'Im Portal bearbeiten',
    preview: 'Vorschau der ersten E-Mail, mit Ihrer Marke',
    previewOf: (subject) => `Vorschau der ersten E-Mail „${subject}“, mit Ihrer Marke`,
    more: (count) => `…und ${count} weitere im Portal.`,
    confirmFirst: 'Die Schaltflächen öffnen eine Seite, die Sie um Bestätigung bittet; erst dann geschieht etwas.',
  }),
  fr: () => ({
    readySubject: (campaign, company) => `${campaign} est prête à être lancée pour ${company}`,
    waitingSubject: (campaign) => `${campaign} attend votre kit de marque`,
    digestSubject: (count, n) =>
      n === 1 ? `${count} nouvelle campagne est prête pour vous` : `${count} nouvelles campagnes sont prêtes pour vous`,
    fromProgramme: (programme) => `Du programme ${programme}`,
    programmeInText: (programme) => `programme ${programme}`,
    waitsUntilFixed: (missing) => `Elle attend que vous corrigiez : ${missing}.`,
    startsBySelf: (when, audience) => `Elle démarre d’elle-même le ${when} pour ${audience}, sauf si vous la passez.`,
    audience: { all: 'tous vos prospects', list: 'votre liste enregistrée', filter: 'vos prospects filtrés' },
    launchNow: (audience) => `Lancer maintenant pour ${audience}`,
    skip: 'Passer',
    editInPortal: 'Modifier dans le portail',
    preview: 'Aperçu du premier e-mail, à votre marque',
    previewOf: (subject) => `Aperçu du premier e-mail « ${subject} », à votre marque`,
    more: (count) => `…et ${count} de plus dans le portail.`,
    confirmFirst: 'Les boutons ouvrent une page qui vous demande de confirmer ; rien ne se passe avant.',
  }),
  es: () => ({
    readySubject: (campaign, company) => `${campaign} está lista para lanzarse para ${company}`,
    waitingSubject: (campaign) => `${campaign} espera su kit de marca`,
    digestSubject: (count, n) =>
      n === 1 ? `${count} campaña nueva está lista para usted` : `${count} campañas nuevas están listas para usted`,
    fromProgramme: (programme) => `Del programa ${programme}`,
    programmeInText: (programme) => `programa ${programme}`,
    waitsUntilFixed: (missing) => `Espera hasta que corrija: ${missing}.`,
    startsBySelf: (when, audience) => `Empieza sola el ${when} para ${audience}, salvo que la omita.`,
    audience: { all: 'todos sus contactos', list: 'su lista guardada', filter: 'sus contactos filtrados' },
    launchNow: (audience) => `Lanzar ahora para ${audience}`,
    skip: 'Omitir',
    editInPortal: 'Editar en el portal',
    preview: 'Vista previa del primer correo, con su marca',
    previewOf: (subject) => `Vista previa del primer correo «${subject}», con su marca`,
    more: (count) => `…y ${count} más en el portal.`,
    confirmFirst: 'Los botones abren una página que le pide confirmar; no ocurre nada hasta que lo haga.',
  }),
};

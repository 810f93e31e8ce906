import type { EmailCatalogue } from '@tcma/locales';
import type { PendingLaunchState } from '@tcma/persistence';

export interface ActionPageValues {
  campaign: string;
  /** Whom the launch reaches, in the page's language (audienceLabel). */
  audience: string;
}

export interface ActionPageWords {
  launchTitle: string;
  launchAsk: string;
  launchButton: string;
  skipTitle: string;
  skipAsk: string;
  skipButton: string;
  nothingTitle: string;
  launchedTitle: string;
  launched: string;
  skippedTitle: string;
  skipped: string;
  refusedTitle: string;
  /** What became of the pending launch, for a press that finds it no longer waiting. */
  state: Record<PendingLaunchState, string>;
  notReady: (problems: string) => string;
  notWaiting: string;
  invalidTitle: string;
  invalid: string;
}

/** The pages of a programme email's Launch now and Skip buttons, in the reader's language: whole sentences. */
export const ACTION_PAGE: EmailCatalogue<ActionPageValues, ActionPageWords> = {
  en: ({ campaign, audience }) => ({
    launchTitle: 'Launch this campaign now?',
    launchAsk: `${campaign} will start at once for ${audience}.`,
    launchButton: `Launch ${campaign} now for ${audience}`,
    skipTitle: 'Skip this campaign?',
    skipAsk: `${campaign} will not be launched for you.`,
    skipButton: `Skip ${campaign}`,
    nothingTitle: 'Nothing to do',
    launchedTitle: 'Launched',
    launched: `${campaign} has started for ${audience}.`,
    skippedTitle: 'Skipped',
    skipped: `${campaign} will not be launched.`,
    refusedTitle: 'Nothing was changed',
    state: {
      pending: `${campaign} is waiting for your review.`,
      waiting_readiness: `${campaign} is waiting until your brand kit is ready.`,
      started: `${campaign} has already been started.`,
      skipped: `${campaign} has already been skipped.`,
      cancelled: `${campaign} has been cancelled.`,
    },
    notReady: (problems) => `It cannot start yet: ${problems}.`,
    notWaiting: 'It is no longer waiting for you.',
    invalidTitle: 'This link is not valid',
    invalid: 'It may have expired: open the portal to see the campaigns waiting for you.',
  }),
  de: ({ campaign, audience }) => ({
    launchTitle: 'Diese Kampagne jetzt starten?',
    launchAsk: `${campaign} startet sofort für ${audience}.`,
    launchButton: `${campaign} jetzt für ${audience} starten`,
    skipTitle: 'Diese Kampagne überspringen?',
    skipAsk: `${campaign} wird für Sie nicht gestartet.`,
    skipButton: `${campaign} überspringen`,
    nothingTitle: 'Nichts zu tun',
    launchedTitle: 'Gestartet',
    launched: `${campaign} wurde für ${audience} gestartet.`,
    skippedTitle: 'Übersprungen',
    skipped: `${campaign} wird nicht gestartet.`,
    refusedTitle: 'Es wurde nichts geändert',
    state: {
      pending: `${campaign} wartet auf Ihre Prüfung.`,
      waiting_readiness: `${campaign} wartet, bis Ihr Markenpaket bereit ist.`,
      started: `${campaign} wurde bereits gestartet.`,
      skipped: `${campaign} wurde bereits übersprungen.`,
      cancelled: `${campaign} wurde abgebrochen.`,
    },
    notReady: (problems) => `Die Kampagne kann noch nicht starten: ${problems}.`,
    notWaiting: 'Sie wartet nicht mehr auf Sie.',
    invalidTitle: 'Dieser Link ist nicht gültig',
    invalid: 'Er ist vielleicht abgelaufen: Öffnen Sie das Portal, um die Kampagnen zu sehen, die auf Sie warten.',
  }),
  fr: ({ campaign, audience }) => ({
    launchTitle: 'Lancer cette campagne maintenant ?',
    launchAsk: `${campaign} démarrera tout de suite pour ${audience}.`,
    launchButton: `Lancer ${campaign} maintenant pour ${audience}`,
    skipTitle: 'Passer cette campagne ?',
    skipAsk: `${campaign} ne sera pas lancée pour vous.`,
    skipButton: `Passer ${campaign}`,
    nothingTitle: 'Rien à faire',
    launchedTitle: 'Lancée',
    launched: `${campaign} a démarré pour ${audience}.`,
    skippedTitle: 'Passée',
    skipped: `${campaign} ne sera pas lancée.`,
    refusedTitle: 'Rien n’a été modifié',
    state: {
      pending: `${campaign} attend votre validation.`,
      waiting_readiness: `${campaign} attend que votre kit de marque soit prêt.`,
      started: `${campaign} a déjà démarré.`,
      skipped: `${campaign} a déjà été passée.`,
      cancelled: `${campaign} a été annulée.`,
    },
    notReady: (problems) => `Elle ne peut pas encore démarrer : ${problems}.`,
    notWaiting: 'Elle ne vous attend plus.',
    invalidTitle: 'Ce lien n’est pas valide',
    invalid: 'Il a peut-être expiré : ouvrez le portail pour voir les campagnes qui vous attendent.',
  }),
  es: ({ campaign, audience }) => ({
    launchTitle: '¿Lanzar esta campaña ahora?',
    launchAsk: `${campaign} empezará de inmediato para ${audience}.`,
    launchButton: `Lanzar ${campaign} ahora para ${audience}`,
    skipTitle: '¿Omitir esta campaña?',
    skipAsk: `${campaign} no se lanzará para usted.`,
    skipButton: `Omitir ${campaign}`,
    nothingTitle: 'Nada que hacer',
    launchedTitle: 'Lanzada',
    launched: `${campaign} ha empezado para ${audience}.`,
    skippedTitle: 'Omitida',
    skipped: `${campaign} no se lanzará.`,
    refusedTitle: 'No se ha cambiado nada',
    state: {
      pending: `${campaign} espera su revisión.`,
      waiting_readiness: `${campaign} espera a que su kit de marca esté listo.`,
      started: `${campaign} ya ha empezado.`,
      skipped: `${campaign} ya se ha omitido.`,
      cancelled: `${campaign} se ha cancelado.`,
    },
    notReady: (problems) => `Aún no puede empezar: ${problems}.`,
    notWaiting: 'Ya no le está esperando.',
    invalidTitle: 'Este enlace no es válido',
    invalid: 'Puede que haya caducado: abra el portal para ver las campañas que le esperan.',
  }),
};

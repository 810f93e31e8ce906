import type { EmailCatalogue } from '@tcma/locales';

export interface ReminderPageWords {
  askTitle: string;
  ask: string;
  askButton: string;
  nothingTitle: string;
  alreadyLaunched: string;
  doneTitle: string;
  done: string;
  refusedTitle: string;
  /** `problems`: what the launch lacks, as the engine words it. */
  notReady: (problems: string) => string;
  invalidTitle: string;
  invalid: string;
}

/** The pages of a reminder's Launch button, in the reader's language: whole sentences, each language ordering its own. */
export const REMINDER_PAGE: EmailCatalogue<{ campaign: string }, ReminderPageWords> = {
  en: ({ campaign }) => ({
    askTitle: 'Launch this campaign now?',
    ask: `${campaign} will start at once for all your prospects, co-branded with your brand kit.`,
    askButton: `Launch ${campaign} now`,
    nothingTitle: 'Nothing to do',
    alreadyLaunched: `${campaign} has already been launched.`,
    doneTitle: 'Launched',
    done: `${campaign} has started for all your prospects.`,
    refusedTitle: 'Nothing was changed',
    notReady: (problems) => `It cannot start yet: ${problems}.`,
    invalidTitle: 'This link is not valid',
    invalid: 'It may have expired: open the portal to see the campaigns you can launch.',
  }),
  de: ({ campaign }) => ({
    askTitle: 'Diese Kampagne jetzt starten?',
    ask: `${campaign} startet sofort für alle Ihre Interessenten, mit Ihrem Markenpaket gebrandet.`,
    askButton: `${campaign} jetzt starten`,
    nothingTitle: 'Nichts zu tun',
    alreadyLaunched: `${campaign} wurde bereits gestartet.`,
    doneTitle: 'Gestartet',
    done: `${campaign} wurde für alle Ihre Interessenten gestartet.`,
    refusedTitle: 'Es wurde nichts geändert',
    notReady: (problems) => `Die Kampagne kann noch nicht starten: ${problems}.`,
    invalidTitle: 'Dieser Link ist nicht gültig',
    invalid: 'Er ist vielleicht abgelaufen: Öffnen Sie das Portal, um die Kampagnen zu sehen, die Sie starten können.',
  }),
  fr: ({ campaign }) => ({
    askTitle: 'Lancer cette campagne maintenant ?',
    ask: `${campaign} démarrera tout de suite pour tous vos prospects, à vos couleurs.`,
    askButton: `Lancer ${campaign} maintenant`,
    nothingTitle: 'Rien à faire',
    alreadyLaunched: `${campaign} a déjà été lancée.`,
    doneTitle: 'Lancée',
    done: `${campaign} a démarré pour tous vos prospects.`,
    refusedTitle: 'Rien n’a été modifié',
    notReady: (problems) => `Elle ne peut pas encore démarrer : ${problems}.`,
    invalidTitle: 'Ce lien n’est pas valide',
    invalid: 'Il a peut-être expiré : ouvrez le portail pour voir les campagnes que vous pouvez lancer.',
  }),
  es: ({ campaign }) => ({
    askTitle: '¿Lanzar esta campaña ahora?',
    ask: `${campaign} empezará de inmediato para todos sus prospectos, con su kit de marca.`,
    askButton: `Lanzar ${campaign} ahora`,
    nothingTitle: 'Nada que hacer',
    alreadyLaunched: `${campaign} ya se ha lanzado.`,
    doneTitle: 'Lanzada',
    done: `${campaign} ha empezado para todos sus prospectos.`,
    refusedTitle: 'No se ha cambiado nada',
    notReady: (problems) => `Aún no puede empezar: ${problems}.`,
    invalidTitle: 'Este enlace no es válido',
    invalid: 'Puede que haya caducado: abra el portal para ver las campañas que puede lanzar.',
  }),
};

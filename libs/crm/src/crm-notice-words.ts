import type { EmailCatalogue } from '@tcma/locales';

export interface CrmNoticeValues {
  crm: string;
  account: string;
  /** Where the CRM is connected again (the portal's or the console's CRM page). */
  page: string;
  trouble: string | null;
}

const why = (trouble: string | null) => (trouble ? `\n\n${trouble}` : '');

/** The warning that a CRM connection broke, in each language the engine speaks. */
export const CRM_CONNECTION_NOTICE: EmailCatalogue<CrmNoticeValues, { subject: string; text: string }> = {
  en: ({ crm, account, page, trouble }) => ({
    subject: `Your ${crm} connection stopped working: new leads wait`,
    text: `${crm} refused the engine's access to ${account}.${why(trouble)}\n\nNew leads are kept and written to ${crm} as soon as you connect it again: ${page}\n`,
  }),
  de: ({ crm, account, page, trouble }) => ({
    subject: `Ihre ${crm}-Verbindung funktioniert nicht mehr: neue Leads warten`,
    text: `${crm} hat den Zugriff auf ${account} verweigert.${why(trouble)}\n\nNeue Leads werden aufbewahrt und in ${crm} geschrieben, sobald Sie es wieder verbinden: ${page}\n`,
  }),
  fr: ({ crm, account, page, trouble }) => ({
    subject: `Votre connexion ${crm} ne fonctionne plus : les nouveaux leads attendent`,
    text: `${crm} a refusé l’accès à ${account}.${why(trouble)}\n\nLes nouveaux leads sont conservés et écrits dans ${crm} dès que vous le reconnectez : ${page}\n`,
  }),
  es: ({ crm, account, page, trouble }) => ({
    subject: `Su conexión con ${crm} dejó de funcionar: los nuevos leads esperan`,
    text: `${crm} rechazó el acceso a ${account}.${why(trouble)}\n\nLos nuevos leads se guardan y se escriben en ${crm} en cuanto lo vuelva a conectar: ${page}\n`,
  }),
};

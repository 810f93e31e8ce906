import type { EmailCatalogue } from '@tcma/locales';

export interface WebhookDisabledValues {
  host: string;
  url: string;
  reason: string | null;
  endpointId: string;
  /** The portal or the console, where the endpoint is enabled again. */
  where: string;
}

export interface WebhookDisabledWords {
  subject: string;
  text: string;
}

const reasonOf = (reason: string | null) => (reason ? `\n\n${reason}` : '');

/** The notice of a webhook endpoint disabled for failing, in each language the engine speaks. */
export const WEBHOOK_DISABLED_NOTICE: EmailCatalogue<WebhookDisabledValues, WebhookDisabledWords> = {
  en: ({ host, url, reason, endpointId, where }) => ({
    subject: `Webhook disabled: ${host} has been failing for a day`,
    text: `Your webhook endpoint ${url} was disabled.${reasonOf(reason)}\n\nThe deliveries that were waiting are kept: once the receiver answers again, enable the endpoint (POST /webhooks/${endpointId}/enable, or in ${where}) and they are sent. Events that happen while it is disabled are not recorded for it.\n`,
  }),
  de: ({ host, url, reason, endpointId, where }) => ({
    subject: `Webhook deaktiviert: ${host} schlägt seit einem Tag fehl`,
    text: `Ihr Webhook-Endpunkt ${url} wurde deaktiviert.${reasonOf(reason)}\n\nDie wartenden Zustellungen bleiben erhalten: Sobald der Empfänger wieder antwortet, aktivieren Sie den Endpunkt (POST /webhooks/${endpointId}/enable oder unter ${where}), und sie werden gesendet. Ereignisse, die eintreten, solange er deaktiviert ist, werden für ihn nicht erfasst.\n`,
  }),
  fr: ({ host, url, reason, endpointId, where }) => ({
    subject: `Webhook désactivé : ${host} échoue depuis un jour`,
    text: `Votre point de terminaison webhook ${url} a été désactivé.${reasonOf(reason)}\n\nLes livraisons en attente sont conservées : dès que le destinataire répond de nouveau, réactivez le point de terminaison (POST /webhooks/${endpointId}/enable, ou dans ${where}) et elles sont envoyées. Les événements survenus pendant la désactivation ne sont pas enregistrés pour lui.\n`,
  }),
  es: ({ host, url, reason, endpointId, where }) => ({
    subject: `Webhook desactivado: ${host} lleva un día fallando`,
    text: `Su endpoint de webhook ${url} se ha desactivado.${reasonOf(reason)}\n\nLas entregas pendientes se conservan: cuando el receptor vuelva a responder, active el endpoint (POST /webhooks/${endpointId}/enable, o en ${where}) y se enviarán. Los eventos que ocurran mientras esté desactivado no se registran para él.\n`,
  }),
};

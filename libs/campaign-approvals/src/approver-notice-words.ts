import type { EmailCatalogue } from '@tcma/locales';

interface Values {
  requester: string;
  campaign: string;
  revision: number;
}

/** The words of the email that asks approvers for a review, in one language. */
export interface ApproverNoticeWords {
  subject: string;
  lead: string[];
  action: string;
  after: string[];
}

/** The email a vendor's approvers get when a review is asked for, in each language the engine speaks. */
export const APPROVER_NOTICE: EmailCatalogue<Values, ApproverNoticeWords> = {
  en: ({ requester, campaign, revision }) => ({
    subject: `${campaign} is waiting for your review`,
    lead: [`${requester} asks you to review ${campaign} (draft revision ${revision}) before it is published.`],
    action: 'Open the review',
    after: ['Approving publishes exactly this revision; if the draft is edited first, the review is void.'],
  }),
  de: ({ requester, campaign, revision }) => ({
    subject: `${campaign} wartet auf Ihre Freigabe`,
    lead: [`${requester} bittet Sie, ${campaign} (Entwurfsrevision ${revision}) vor der Veröffentlichung zu prüfen.`],
    action: 'Prüfung öffnen',
    after: [
      'Die Freigabe veröffentlicht genau diese Revision; wird der Entwurf vorher geändert, verfällt die Prüfung.',
    ],
  }),
  fr: ({ requester, campaign, revision }) => ({
    subject: `${campaign} attend votre validation`,
    lead: [`${requester} vous demande de relire ${campaign} (révision ${revision} du brouillon) avant sa publication.`],
    action: 'Ouvrir la relecture',
    after: [
      'Approuver publie exactement cette révision ; si le brouillon est modifié avant, la relecture est annulée.',
    ],
  }),
  es: ({ requester, campaign, revision }) => ({
    subject: `${campaign} espera su revisión`,
    lead: [`${requester} le pide revisar ${campaign} (revisión ${revision} del borrador) antes de publicarla.`],
    action: 'Abrir la revisión',
    after: ['Aprobar publica exactamente esta revisión; si el borrador se edita antes, la revisión queda anulada.'],
  }),
};

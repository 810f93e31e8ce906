import type { EmailCatalogue } from '@tcma/locales';

export interface LeadNoticeValues {
  campaign: string;
  /** The lead's address, or null when the form had none. */
  email: string | null;
  /** "Name <address>", the address alone, or null when the form named nobody. */
  person: string | null;
  portalUrl: string;
}

export interface LeadNoticeWords {
  subject: string;
  registered: string;
  workYourLeads: string;
}

/** The email telling a partner's users of a new lead, in each language the engine speaks. */
export const LEAD_NOTICE_EMAIL: EmailCatalogue<LeadNoticeValues, LeadNoticeWords> = {
  en: ({ campaign, email, person, portalUrl }) => ({
    subject: `New lead from ${campaign}: ${email ?? 'a prospect'}`,
    registered: `${person ?? 'A prospect'} registered through the landing page of ${campaign}.`,
    workYourLeads: `See and work your leads in the portal: ${portalUrl}`,
  }),
  de: ({ campaign, email, person, portalUrl }) => ({
    subject: `Neuer Lead aus ${campaign}: ${email ?? 'ein Interessent'}`,
    registered: `${person ?? 'Ein Interessent'} hat sich über die Landingpage von ${campaign} registriert.`,
    workYourLeads: `Ihre Leads sehen und bearbeiten Sie im Portal: ${portalUrl}`,
  }),
  fr: ({ campaign, email, person, portalUrl }) => ({
    subject: `Nouveau lead issu de ${campaign} : ${email ?? 'un prospect'}`,
    registered: `${person ?? 'Un prospect'} s’est inscrit via la page d’atterrissage de ${campaign}.`,
    workYourLeads: `Consultez et traitez vos leads dans le portail : ${portalUrl}`,
  }),
  es: ({ campaign, email, person, portalUrl }) => ({
    subject: `Nuevo lead de ${campaign}: ${email ?? 'un contacto'}`,
    registered: `${person ?? 'Un contacto'} se ha registrado en la página de destino de ${campaign}.`,
    workYourLeads: `Vea y gestione sus leads en el portal: ${portalUrl}`,
  }),
};

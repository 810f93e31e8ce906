import { emailDateTime, type EmailCatalogue, type Locale } from '@tcma/locales';
import type { Role } from '@tcma/persistence';

export interface InvitationValues {
  /** The vendor's display name (its brand). */
  vendor: string;
  /** The partner the invitee joins; null for a vendor user. */
  partnerName: string | null;
  role: Role;
  expiresAt: Date;
}

export interface InvitationWords {
  subject: string;
  lead: string[];
  action: string;
  after: string[];
  /** The label over the partner's first co-branded email; `sampled` are the slots shown with samples. */
  previewOf: (campaign: string, sampled: string[]) => string;
}

const until = (locale: Locale, at: Date) => emailDateTime(locale, at);

/** The invitation email, in each language: whole sentences, each language ordering its own. */
export const INVITATION_EMAIL: EmailCatalogue<InvitationValues, InvitationWords> = {
  en: ({ vendor, partnerName, role, expiresAt }) => {
    const as = {
      vendor_admin: 'an administrator',
      vendor_marketer: 'a marketer',
      vendor_approver: 'an approver of campaigns',
      partner_admin: 'a partner administrator',
      partner_user: 'a partner user',
    }[role];
    return {
      subject: `You are invited to ${partnerName ?? vendor}`,
      lead: [
        partnerName
          ? `You are invited to join ${partnerName} on ${vendor}'s partner portal as ${as}.`
          : `You are invited to join ${vendor}'s campaign engine as ${as}.`,
      ],
      action: 'Choose your name and password',
      after: [
        `The link works once, until ${until('en', expiresAt)}.`,
        'If you did not expect this invitation, ignore this email.',
      ],
      previewOf: (campaign, sampled) =>
        `A first look at ${campaign}, with your company's name` +
        (sampled.length ? ` (sample ${sampled.join(', ')} until you add yours).` : '.'),
    };
  },
  de: ({ vendor, partnerName, role, expiresAt }) => {
    const as = {
      vendor_admin: 'Administration',
      vendor_marketer: 'Marketing',
      vendor_approver: 'Freigabe von Kampagnen',
      partner_admin: 'Partner-Administration',
      partner_user: 'Partner-Nutzer',
    }[role];
    return {
      subject: `Ihre Einladung zu ${partnerName ?? vendor}`,
      lead: [
        partnerName
          ? `Sie sind eingeladen, ${partnerName} im Partnerportal von ${vendor} beizutreten, mit der Rolle „${as}“.`
          : `Sie sind eingeladen, der Kampagnen-Engine von ${vendor} beizutreten, mit der Rolle „${as}“.`,
      ],
      action: 'Namen und Passwort wählen',
      after: [
        `Der Link funktioniert ein einziges Mal, bis ${until('de', expiresAt)}.`,
        'Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.',
      ],
      previewOf: (campaign, sampled) =>
        `Ein erster Blick auf ${campaign}, mit dem Namen Ihres Unternehmens` +
        (sampled.length ? ` (Beispielwerte für ${sampled.join(', ')}, bis Sie Ihre eintragen).` : '.'),
    };
  },
  fr: ({ vendor, partnerName, role, expiresAt }) => {
    const as = {
      vendor_admin: 'administrateur',
      vendor_marketer: 'marketing',
      vendor_approver: 'approbation des campagnes',
      partner_admin: 'administrateur partenaire',
      partner_user: 'utilisateur partenaire',
    }[role];
    return {
      subject: `Votre invitation à rejoindre ${partnerName ?? vendor}`,
      lead: [
        partnerName
          ? `Vous êtes invité à rejoindre ${partnerName} sur le portail partenaires de ${vendor}, avec le rôle « ${as} ».`
          : `Vous êtes invité à rejoindre le moteur de campagnes de ${vendor}, avec le rôle « ${as} ».`,
      ],
      action: 'Choisir votre nom et votre mot de passe',
      after: [
        `Le lien ne fonctionne qu’une fois, jusqu’au ${until('fr', expiresAt)}.`,
        'Si vous n’attendiez pas cette invitation, ignorez cet e-mail.',
      ],
      previewOf: (campaign, sampled) =>
        `Un premier aperçu de ${campaign}, au nom de votre entreprise` +
        (sampled.length
          ? ` (valeurs d’exemple pour ${sampled.join(', ')}, jusqu’à ce que vous ajoutiez les vôtres).`
          : '.'),
    };
  },
  es: ({ vendor, partnerName, role, expiresAt }) => {
    const as = {
      vendor_admin: 'administración',
      vendor_marketer: 'marketing',
      vendor_approver: 'aprobación de campañas',
      partner_admin: 'administración de partner',
      partner_user: 'usuario de partner',
    }[role];
    return {
      subject: `Su invitación a ${partnerName ?? vendor}`,
      lead: [
        partnerName
          ? `Le invitamos a unirse a ${partnerName} en el portal de partners de ${vendor}, con el rol «${as}».`
          : `Le invitamos a unirse al motor de campañas de ${vendor}, con el rol «${as}».`,
      ],
      action: 'Elegir su nombre y contraseña',
      after: [
        `El enlace funciona una sola vez, hasta el ${until('es', expiresAt)}.`,
        'Si no esperaba esta invitación, ignore este correo.',
      ],
      previewOf: (campaign, sampled) =>
        `Un primer vistazo a ${campaign}, con el nombre de su empresa` +
        (sampled.length ? ` (valores de ejemplo para ${sampled.join(', ')} hasta que añada los suyos).` : '.'),
    };
  },
};

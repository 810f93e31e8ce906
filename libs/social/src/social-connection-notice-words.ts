import type { EmailCatalogue } from '@tcma/locales';

export interface SocialConnectionNoticeValues {
  network: string;
  account: string;
  /** The portal's social page, where the account is connected again. */
  page: string;
  /** Already written in the reader's language, or null when unknown. */
  when: string | null;
  lastError: string | null;
}

interface Notice {
  subject: string;
  text: string;
}

export interface SocialConnectionNoticeWords {
  broken: Notice;
  revoked: Notice;
  expiring: Notice;
}

const error = (lastError: string | null) => (lastError ? `\n\n${lastError}` : '');

/** The warnings about a partner's social connection, in each language the engine speaks. */
export const SOCIAL_CONNECTION_NOTICE: EmailCatalogue<SocialConnectionNoticeValues, SocialConnectionNoticeWords> = {
  en: ({ network, account, page, when, lastError }) => ({
    broken: {
      subject: `Your ${network} connection stopped working: posts to ${account} are on hold`,
      text: `${network} refused the engine's access to ${account}.${error(lastError)}\n\nScheduled posts to this account wait and are not published until you connect it again: ${page}\n`,
    },
    revoked: {
      subject: `A post to ${account} on ${network} failed: the account is disconnected`,
      text: `${account} on ${network} was disconnected ${when ? `on ${when}` : 'earlier'}, and a post was due on it. Posts to this account fail until you connect it again: ${page}\n`,
    },
    expiring: {
      subject: `Your ${network} connection expires soon: connect ${account} again`,
      text: `The engine's access to ${account} on ${network} ends ${when ? `on ${when}` : 'soon'} and ${network} does not let it be renewed without you.\n\nConnect the account again before then so scheduled posts are published: ${page}\n`,
    },
  }),
  de: ({ network, account, page, when, lastError }) => ({
    broken: {
      subject: `Ihre ${network}-Verbindung funktioniert nicht mehr: Beiträge an ${account} sind angehalten`,
      text: `${network} hat den Zugriff auf ${account} verweigert.${error(lastError)}\n\nGeplante Beiträge an dieses Konto warten und werden erst veröffentlicht, wenn Sie es wieder verbinden: ${page}\n`,
    },
    revoked: {
      subject: `Ein Beitrag an ${account} auf ${network} ist fehlgeschlagen: Das Konto ist getrennt`,
      text: `${account} auf ${network} wurde ${when ? `am ${when}` : 'zuvor'} getrennt, und ein Beitrag war fällig. Beiträge an dieses Konto schlagen fehl, bis Sie es wieder verbinden: ${page}\n`,
    },
    expiring: {
      subject: `Ihre ${network}-Verbindung läuft bald ab: Verbinden Sie ${account} erneut`,
      text: `Der Zugriff auf ${account} auf ${network} endet ${when ? `am ${when}` : 'bald'}, und ${network} erlaubt keine Verlängerung ohne Sie.\n\nVerbinden Sie das Konto vorher erneut, damit geplante Beiträge veröffentlicht werden: ${page}\n`,
    },
  }),
  fr: ({ network, account, page, when, lastError }) => ({
    broken: {
      subject: `Votre connexion ${network} ne fonctionne plus : les publications vers ${account} sont suspendues`,
      text: `${network} a refusé l’accès à ${account}.${error(lastError)}\n\nLes publications programmées sur ce compte attendent et ne sont publiées qu’une fois le compte reconnecté : ${page}\n`,
    },
    revoked: {
      subject: `Une publication vers ${account} sur ${network} a échoué : le compte est déconnecté`,
      text: `${account} sur ${network} a été déconnecté ${when ? `le ${when}` : 'auparavant'}, alors qu’une publication était prévue. Les publications vers ce compte échouent tant que vous ne le reconnectez pas : ${page}\n`,
    },
    expiring: {
      subject: `Votre connexion ${network} expire bientôt : reconnectez ${account}`,
      text: `L’accès à ${account} sur ${network} prend fin ${when ? `le ${when}` : 'bientôt'} et ${network} ne permet pas de le renouveler sans vous.\n\nReconnectez le compte avant cette date pour que les publications programmées soient publiées : ${page}\n`,
    },
  }),
  es: ({ network, account, page, when, lastError }) => ({
    broken: {
      subject: `Su conexión con ${network} dejó de funcionar: las publicaciones en ${account} están en espera`,
      text: `${network} rechazó el acceso a ${account}.${error(lastError)}\n\nLas publicaciones programadas en esta cuenta esperan y no se publican hasta que la vuelva a conectar: ${page}\n`,
    },
    revoked: {
      subject: `Falló una publicación en ${account} de ${network}: la cuenta está desconectada`,
      text: `${account} en ${network} se desconectó ${when ? `el ${when}` : 'antes'}, y había una publicación prevista. Las publicaciones en esta cuenta fallan hasta que la vuelva a conectar: ${page}\n`,
    },
    expiring: {
      subject: `Su conexión con ${network} caduca pronto: vuelva a conectar ${account}`,
      text: `El acceso a ${account} en ${network} termina ${when ? `el ${when}` : 'pronto'} y ${network} no permite renovarlo sin usted.\n\nVuelva a conectar la cuenta antes para que se publiquen las publicaciones programadas: ${page}\n`,
    },
  }),
};

import { str, url } from './env-parsers';
import type { EnvReader } from './env-reader';

/** A third party's OAuth client and hosts (a social network, a CRM). */
export interface OAuthClientSettings {
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Where the user is sent to authorize (its web host). */
  authUrl: string;
  /** The API host. */
  apiUrl: string;
  /** The scopes the authorization asks for (<PREFIX>_SCOPES, space or comma separated); undefined: the adapter's own. */
  scopes: string[] | undefined;
}

/** Without an API host of its own (Salesforce: each organisation's is in its token answer) the API URL is the auth URL. */
export const readOAuthClient = (
  { read, optional, problems }: EnvReader,
  prefix: string,
  authUrl: string,
  apiUrl?: string,
): OAuthClientSettings => {
  const clientId = optional(`${prefix}_CLIENT_ID`, str);
  const clientSecret = optional(`${prefix}_CLIENT_SECRET`, str);
  if ((clientId === undefined) !== (clientSecret === undefined))
    problems.push(
      `${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET: set both or neither (neither: partners cannot connect this network)`,
    );
  const auth = read(`${prefix}_AUTH_URL`, url(['http', 'https']), authUrl).replace(/\/+$/, '');
  return {
    clientId,
    clientSecret,
    authUrl: auth,
    apiUrl: apiUrl === undefined ? auth : read(`${prefix}_API_URL`, url(['http', 'https']), apiUrl).replace(/\/+$/, ''),
    scopes: optional(`${prefix}_SCOPES`, str)
      ?.split(/[\s,]+/)
      .filter(Boolean),
  };
};

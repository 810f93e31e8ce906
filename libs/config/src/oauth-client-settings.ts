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

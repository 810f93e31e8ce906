/**
 * The engine's side of a SAML connection, as the identity provider registers it: the entity id
 * (also where its metadata is served, so the id leads to the rest) and the assertion consumer
 * service, on PUBLIC_BASE_URL or on a vendor's verified host name.
 */
export const samlPaths = (connectionId: string) => ({
  metadata: `/auth/saml/${connectionId}/metadata`,
  start: `/auth/saml/${connectionId}/start`,
  acs: `/auth/saml/${connectionId}/acs`,
});

export function samlEntityId(publicBaseUrl: string, connectionId: string): string {
  return new URL(samlPaths(connectionId).metadata, publicBaseUrl).href;
}

/** `origin`: the engine's own (PUBLIC_BASE_URL's) or a vendor's verified host name's, as `https://host`. */
export function samlAcsUrl(origin: string, connectionId: string): string {
  return new URL(samlPaths(connectionId).acs, origin).href;
}

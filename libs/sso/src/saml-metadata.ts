// node-saml's own XML reading (xmldom, with its parse errors turned into exceptions): the
// metadata is read by the parser that later checks the assertions, and no second one is pulled in.
// lib/xml is not node-saml's public entry: package.json pins node-saml exactly, so an upgrade is a
// deliberate change that re-runs saml-metadata.spec.
import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml';
import { X509Certificate } from 'node:crypto';

/** What the engine needs of an identity provider's SAML metadata. */
export interface IdpMetadata {
  entityId: string;
  /** Its single sign-on service for the HTTP-Redirect binding, where AuthnRequests go. */
  ssoUrl: string;
  /** Its signing certificates, PEM. */
  certificates: string[];
}

const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
/** A metadata document larger than this is not one identity provider's (federations' aggregates are megabytes). */
export const MAX_METADATA_BYTES = 512 * 1024;

export class MetadataProblem extends Error {}

/** The little of a DOM element read here (node-saml's XML types are the DOM's, which a Node project does not load). */
interface XmlElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

/* eslint-disable @typescript-eslint/no-unsafe-return -- the DOM types above, unresolved here */
const parse = async (xml: string): Promise<XmlElement> => await parseDomFromString(xml);
const select = (node: XmlElement, path: string): XmlElement[] => xpath.selectElements(node, path);
/* eslint-enable @typescript-eslint/no-unsafe-return */

const el = (name: string) => `*[local-name()='${name}']`;

/**
 * The identity provider a metadata document describes: an EntityDescriptor (alone or the first
 * of an EntitiesDescriptor) with an IDPSSODescriptor, its HTTP-Redirect single sign-on service
 * and its signing keys (`use="signing"` or no use). Throws a MetadataProblem naming what is missing.
 */
export async function readIdpMetadata(xml: string): Promise<IdpMetadata> {
  if (Buffer.byteLength(xml) > MAX_METADATA_BYTES) throw new MetadataProblem('is larger than 512 KiB');
  let doc: XmlElement;
  try {
    doc = await parse(xml);
  } catch (e) {
    throw new MetadataProblem(`is not XML (${(e as Error).message.split('\n')[0]})`);
  }
  const [entity] = select(doc, `//${el('EntityDescriptor')}[${el('IDPSSODescriptor')}]`);
  if (!entity)
    throw new MetadataProblem('describes no identity provider (no EntityDescriptor with an IDPSSODescriptor)');
  const entityId = entity.getAttribute('entityID')?.trim();
  if (!entityId) throw new MetadataProblem('names no entityID');
  const [idp] = select(entity, `./${el('IDPSSODescriptor')}`);
  const sso = select(idp, `./${el('SingleSignOnService')}`).find((s) => s.getAttribute('Binding') === REDIRECT_BINDING);
  const ssoUrl = sso?.getAttribute('Location')?.trim();
  if (!ssoUrl) throw new MetadataProblem('has no SingleSignOnService for the HTTP-Redirect binding');
  const certificates = select(idp, `./${el('KeyDescriptor')}`)
    .filter((k) => (k.getAttribute('use') ?? 'signing') === 'signing')
    .flatMap((k) => select(k, `.//${el('X509Certificate')}`))
    .map((c) => toPem(c.textContent ?? ''))
    .filter((pem): pem is string => pem !== null);
  if (!certificates.length)
    throw new MetadataProblem('has no signing certificate (KeyDescriptor with X509Certificate)');
  return { entityId, ssoUrl, certificates: [...new Set(certificates)] };
}

function toPem(base64: string): string | null {
  const body = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(body)) return null;
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;
  try {
    new X509Certificate(pem);
  } catch {
    return null; // not a certificate: it could never verify a signature
  }
  return pem;
}

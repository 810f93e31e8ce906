import { Injectable } from '@nestjs/common';
import { PROVIDER_TIMEOUT_MS } from './oidc-clients';
import { IdpMetadata, MAX_METADATA_BYTES, MetadataProblem, readIdpMetadata } from './saml-metadata';

/** An identity provider's SAML metadata, read from its URL (read when a connection is made or changed). */
@Injectable()
export class SamlMetadataSource {
  async fetch(url: string): Promise<IdpMetadata> {
    let text: string;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
        headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (Number(response.headers.get('content-length') ?? 0) > MAX_METADATA_BYTES)
        throw new MetadataProblem('is larger than 512 KiB');
      text = await response.text();
    } catch (e) {
      if (e instanceof MetadataProblem) throw e;
      throw new MetadataProblem(`could not be read (${(e as Error).message})`);
    }
    return readIdpMetadata(text);
  }
}

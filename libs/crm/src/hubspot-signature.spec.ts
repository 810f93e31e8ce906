import { hubspotSignature, hubspotSignatureValid } from './hubspot-signature';

describe('HubSpot request signature v3', () => {
  const secret = 'app-secret';
  const now = 1_800_000_000_000;
  const request = (over: Partial<Parameters<typeof hubspotSignatureValid>[1]> = {}) => {
    const base = {
      method: 'POST',
      uri: 'https://tcma.example/crm/hubspot/events',
      body: '[{"objectId":1}]',
      timestamp: String(now),
    };
    return { ...base, signature: hubspotSignature(secret, base.method, base.uri, base.body, base.timestamp), ...over };
  };

  it('accepts its own signature within five minutes', () => {
    expect(hubspotSignatureValid(secret, request(), now + 4 * 60_000)).toBe(true);
  });

  it('refuses another secret, an altered body or address, a stale or missing timestamp', () => {
    expect(hubspotSignatureValid('other', request(), now)).toBe(false);
    expect(hubspotSignatureValid(secret, request({ body: '[{"objectId":2}]' }), now)).toBe(false);
    expect(hubspotSignatureValid(secret, request({ uri: 'https://evil.example/crm/hubspot/events' }), now)).toBe(false);
    expect(hubspotSignatureValid(secret, request(), now + 5 * 60_000 + 1)).toBe(false);
    expect(hubspotSignatureValid(secret, request({ timestamp: undefined }), now)).toBe(false);
    expect(hubspotSignatureValid(secret, request({ signature: undefined }), now)).toBe(false);
  });
});

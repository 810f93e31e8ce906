import { challengeRecord, hostNameOf, requestHostName } from './host-name';

describe('hostNameOf', () => {
  const ENGINE = 'engine.tcma.example';
  const sut = (raw: string) => hostNameOf(raw, ENGINE);

  it('accepts a DNS host name, in lower case, without surrounding spaces or the trailing dot', () => {
    expect(sut('  Partners.Vendor.Example. ')).toEqual({ host: 'partners.vendor.example' });
    expect(sut('a-b.c1.example')).toEqual({ host: 'a-b.c1.example' });
    expect(sut('portal.xn--bcher-kva.example')).toEqual({ host: 'portal.xn--bcher-kva.example' });
  });

  it('turns an international name into its ASCII form, as DNS and browsers send it', () => {
    expect(sut('partner.bücher.example')).toEqual({ host: 'partner.xn--bcher-kva.example' });
  });

  it.each([
    ['', /must be a host name/],
    ['localhost', /must be a host name/],
    ['no spaces.example', /must be a host name/],
    ['-lead.example', /must be a host name/],
    ['trail-.example', /must be a host name/],
    [`${'a'.repeat(64)}.example`, /must be a host name/],
    [`${'abcdefghi.'.repeat(26)}example`, /must be a host name/],
    ['under_score.example', /must be a host name/],
    ['numeric.123', /must be a host name/],
    ['partners.example:8443', /without a port/],
    ['https://partners.example', /without a scheme/],
    ['partners.example/portal', /without a scheme/],
    ['192.0.2.1', /not an IP address/],
    ['[2001:db8::1]', /not an IP address/],
    ['2001:db8::1', /not an IP address/],
    ['engine.tcma.example', /the engine's own host/],
    ['ENGINE.tcma.example.', /the engine's own host/],
  ])('refuses %j', (raw, message) => {
    expect(sut(raw)).toEqual({ problem: expect.stringMatching(message) });
  });
});

describe('challengeRecord', () => {
  it('is a TXT record at _tcma-challenge.<host> holding tcma-verify=<token>', () => {
    expect(challengeRecord('partners.vendor.example', 'abc')).toEqual({
      type: 'TXT',
      name: '_tcma-challenge.partners.vendor.example',
      value: 'tcma-verify=abc',
    });
  });
});

describe('requestHostName', () => {
  it('compares hosts as DNS does: lower case, without a trailing dot or port', () => {
    expect(requestHostName('Partners.Vendor.Example.')).toBe('partners.vendor.example');
    expect(requestHostName(undefined)).toBeNull();
    expect(requestHostName('')).toBeNull();
  });
});

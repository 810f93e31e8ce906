import { DnsRecord, dnsRecordsToPublish, judgeDnsRecord, spfMechanism } from './sending-dns-records';

describe(judgeDnsRecord.name, () => {
  const [dkim, spf, dmarc] = dnsRecordsToPublish({
    domain: 'acme.example',
    dkim: { domain: 'acme.example', selector: 's1', publicKey: 'KEYKEY' },
    smtpHost: 'smtp.relay.example',
    spfInclude: undefined,
  });
  const state = (record: DnsRecord, ...values: string[]) => judgeDnsRecord(record, { values }).state;

  it('reads a DKIM key with spaces inside p= (as some DNS consoles show it) as the same key', () => {
    expect(state(dkim, 'v=DKIM1; k=rsa; p=KEY KEY')).toBe('ok');
    expect(state(dkim, 'v=DKIM1; k=rsa; p=')).toBe('wrong');
    expect(state(dkim, 'v=DKIM1; k=ed25519; p=KEYKEY')).toBe('wrong');
    expect(state(dkim, 'some other text')).toBe('wrong');
    expect(state(dkim)).toBe('missing');
  });

  it('accepts an SPF record naming the mechanism among others, and counts only v=spf1 records', () => {
    expect(spf.value).toBe('v=spf1 include:relay.example ~all');
    expect(state(spf, 'v=spf1 mx +include:relay.example -all', 'v=verification')).toBe('ok');
    expect(state(spf, 'v=spf10 include:relay.example')).toBe('missing');
  });

  it('wants one DMARC record with a policy', () => {
    expect(state(dmarc, 'v=DMARC1; p=reject')).toBe('ok');
    expect(state(dmarc, 'v=DMARC1; p=reject', 'v=DMARC1; p=none')).toBe('wrong');
    expect(state(dmarc, 'v=DMARC1; p=maybe')).toBe('wrong');
  });

  it('says unresolved, with the code, when the DNS gave no answer', () => {
    expect(judgeDnsRecord(dmarc, { error: 'ETIMEOUT' })).toMatchObject({
      state: 'unresolved',
      message: expect.stringContaining('(ETIMEOUT)'),
    });
  });
});

describe(spfMechanism.name, () => {
  it('prefers SPF_INCLUDE, names an address as ip4/ip6, else guesses the parent domain of the host', () => {
    expect(spfMechanism('smtp.relay.example', '_spf.provider.example').mechanism).toBe('include:_spf.provider.example');
    expect(spfMechanism('192.0.2.7', undefined).mechanism).toBe('ip4:192.0.2.7');
    expect(spfMechanism('[2001:db8::1]', undefined).mechanism).toBe('ip6:2001:db8::1');
    expect(spfMechanism('relay.example', undefined).mechanism).toBe('include:relay.example');
    expect(spfMechanism(null, undefined).mechanism).toBeNull();
  });

  it('offers no SPF or DMARC record without a domain, and no DKIM record without a key', () => {
    expect(dnsRecordsToPublish({ domain: null, dkim: null, smtpHost: null, spfInclude: undefined })).toEqual([]);
    expect(
      dnsRecordsToPublish({ domain: 'a.example', dkim: null, smtpHost: null, spfInclude: undefined }).map((r) => [
        r.kind,
        r.value,
      ]),
    ).toEqual([
      ['spf', 'v=spf1 ~all'],
      ['dmarc', 'v=DMARC1; p=none; rua=mailto:dmarc@a.example'],
    ]);
  });
});

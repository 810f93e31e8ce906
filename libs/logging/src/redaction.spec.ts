import { redactFields, redactRequestUrl, scrubText } from './redaction';

describe('redaction', () => {
  it.each([
    ['/u/abc.def-123', '/u/[redacted]'],
    ['/sender-confirmations/tok_123?x=1', '/sender-confirmations/[redacted]?x=1'],
    ['/reset-password/0123456789abcdef', '/reset-password/[redacted]'],
    ['/invitations/0123456789abcdef', '/invitations/[redacted]'],
    ['/c/ref22chars/1/sig-value?u=https%3A%2F%2Fa.example', '/c/ref22chars/1/[redacted]?u=https%3A%2F%2Fa.example'],
    ['/o/ref/sig.gif', '/o/ref/[redacted]'],
    ['/v/ref/sig', '/v/ref/[redacted]'],
    ['/launches/12?offset=0&token=abc&Signature=x', '/launches/12?offset=0&token=[redacted]&Signature=[redacted]'],
    ['/partners/5/prospects', '/partners/5/prospects'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactRequestUrl(url)).toBe(logged);
  });

  it('scrubs URL passwords, bearer tokens and capability links from text, and leaves other text as it is', () => {
    expect(scrubText('Sending failing for smtp://user:p%40ss@mail.example:587: timeout')).toBe(
      'Sending failing for smtp://user:[redacted]@mail.example:587: timeout',
    );
    expect(scrubText('got Authorization: Bearer tcma_abcdefghijkl')).toBe('got Authorization: Bearer [redacted]');
    expect(scrubText('link https://engine.example/reset-password/abcdefgh12345678 sent')).toBe(
      'link https://engine.example/reset-password/[redacted] sent',
    );
    const plain = 'Launch 12: 40 enrolled, 0 suppressed addresses left out';
    expect(scrubText(plain)).toBe(plain);
    expect(scrubText('smtp://mail.example:25 refused')).toBe('smtp://mail.example:25 refused');
  });

  it('cuts secret fields at any depth it looks (any case), scrubs text values, and copies only what changes', () => {
    const line = { method: 'GET', status: 200 };
    expect(redactFields(line)).toBe(line);
    const logged = {
      smtpUrl: 'smtp://a:b@h',
      req: { headers: { Authorization: 'Bearer x', cookie: 'tcma_session=s', accept: '*/*' } },
      note: 'via smtp://u:pw@mail.example',
      password: null,
      list: ['x'],
    };
    expect(redactFields(logged)).toEqual({
      smtpUrl: '[redacted]',
      req: { headers: { Authorization: '[redacted]', cookie: '[redacted]', accept: '*/*' } },
      note: 'via smtp://u:[redacted]@mail.example',
      password: null,
      list: ['x'],
    });
    expect(logged.req.headers.cookie).toBe('tcma_session=s');
  });
});

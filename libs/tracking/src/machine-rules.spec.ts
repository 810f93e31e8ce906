import { Hit, judgeHits, judgeSocialClick, MACHINE_RULES } from './machine-rules';

const SENT = new Date('2026-11-23T09:00:00Z');
const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const at = (seconds: number) => new Date(SENT.getTime() + seconds * 1000);
let n = 0;
const hit = (over: Partial<Hit>): Hit => ({
  id: String(++n),
  type: 'clicked',
  at: at(120),
  method: 'GET',
  userAgent: BROWSER,
  linkIndex: 0,
  ...over,
});

describe(judgeHits.name, () => {
  it('takes a browser click a while after delivery for a person', () => {
    const h = hit({});
    expect(judgeHits([h], SENT).get(h.id)).toBeNull();
  });

  it.each([
    [{ method: 'HEAD' }, 'head_request'],
    [{ userAgent: 'Mozilla/5.0 (compatible; Barracuda Sentinel)' }, 'scanner_user_agent'],
    [{ userAgent: 'python-requests/2.31' }, 'scanner_user_agent'],
    [{ userAgent: 'Mozilla/5.0' }, 'scanner_user_agent'],
    [{ userAgent: null }, 'no_user_agent'],
    [{ at: at(MACHINE_RULES.clickAfterDeliveryMs / 1000 - 1) }, 'too_soon_after_delivery'],
  ])('flags a click with %o as %s', (over, reason) => {
    const h = hit(over);
    expect(judgeHits([h], SENT).get(h.id)).toBe(reason);
  });

  it('flags every click of a burst over many links, and only those', () => {
    const burst = [0, 1, 2].map((linkIndex, i) => hit({ linkIndex, at: new Date(at(60).getTime() + i * 900) }));
    const later = hit({ linkIndex: 0, at: at(600) });
    const verdicts = judgeHits([...burst, later], SENT);
    expect(burst.map((b) => verdicts.get(b.id))).toEqual([
      'all_links_at_once',
      'all_links_at_once',
      'all_links_at_once',
    ]);
    expect(verdicts.get(later.id)).toBeNull();
  });

  it('does not take a person clicking the same link twice for a burst', () => {
    const twice = [
      hit({ linkIndex: 1, at: at(60) }),
      hit({ linkIndex: 1, at: at(61) }),
      hit({ linkIndex: 2, at: at(64) }),
    ];
    const verdicts = judgeHits(twice, SENT);
    expect(twice.map((t) => verdicts.get(t.id))).toEqual([null, null, null]);
  });

  it('flags opens through image proxies but not through mail clients', () => {
    const google = hit({
      type: 'opened',
      userAgent: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
      at: at(1),
    });
    const apple = hit({ type: 'opened', userAgent: 'Mozilla/5.0', at: at(1) });
    const client = hit({ type: 'opened', userAgent: BROWSER, at: at(1) });
    const verdicts = judgeHits([google, apple, client], SENT);
    expect([verdicts.get(google.id), verdicts.get(apple.id), verdicts.get(client.id)]).toEqual([
      'image_proxy',
      'image_proxy',
      null,
    ]);
  });
});

describe(judgeSocialClick.name, () => {
  it.each([
    ['LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
    ['Twitterbot/1.0'],
    ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)'],
    ['WhatsApp/2.23.20.0 A'],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
  ])('takes the link-preview fetcher %s for a machine', (userAgent) => {
    expect(judgeSocialClick({ method: 'GET', userAgent })).toBe('scanner_user_agent');
  });

  it.each([
    [BROWSER],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.1',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/21F90 [FBAN/FBIOS;FBAV/470.0.0.40.99;FBBV/123]',
    ],
  ])('takes a browser, the networks’ in-app ones too, for a person: %s', (userAgent) => {
    expect(judgeSocialClick({ method: 'GET', userAgent })).toBeNull();
  });

  it('takes a HEAD or a request without a user agent for a machine', () => {
    expect([
      judgeSocialClick({ method: 'HEAD', userAgent: BROWSER }),
      judgeSocialClick({ method: 'GET', userAgent: null }),
    ]).toEqual(['head_request', 'no_user_agent']);
  });
});

/**
 * Telling people from machines. Security scanners follow every link of a message as it is
 * delivered, and image proxies fetch pixels whether or not anyone reads; counting them would
 * inflate the rates and, worse, pull prospects out of sequences they never acted on. These
 * rules are pure, applied in bulk by the engagement processor a few seconds after the fact
 * (so a burst is seen whole). A flagged event is kept, with its reason, but never counted.
 */
export interface Hit {
  id: string;
  type: 'opened' | 'clicked';
  at: Date;
  method: string | null;
  userAgent: string | null;
  linkIndex: number | null;
}

export const MACHINE_RULES = {
  /** A click this soon after the message was accepted is a scanner's. */
  clickAfterDeliveryMs: 10_000,
  /** Clicks on this many different links of one message ... */
  burstLinks: 2,
  /** ... within this span are a scanner's, all of them (a person takes longer to come back for another link). */
  burstWindowMs: 2_000,
} as const;

/** How long after an event the processor waits before judging it: a burst must be complete. */
export const SETTLE_MS = 10_000;

/**
 * Also the link-preview fetchers of the social networks and messengers, which fetch a posted link
 * to build its card: LinkedInBot, Twitterbot and Facebot (matched by `bot`), facebookexternalhit
 * and meta-externalagent (Facebook, Instagram), WhatsApp, Embedly, Iframely.
 */
const SCANNER_AGENTS =
  /bot\b|facebookexternalhit|meta-externalagent|whatsapp\/|embedly|iframely|crawler|spider|scanner|preview|barracuda|mimecast|proofpoint|urldefense|safelinks|symantec|messagelabs|trend ?micro|forcepoint|sophos|fortiguard|paloalto|zscaler|cisco|ironport|python-requests|python-urllib|curl\/|wget\/|go-http-client|java\/|okhttp|headlesschrome|phantomjs|libwww|httpclient|axios\//i;
const IMAGE_PROXIES = /googleimageproxy|ggpht\.com|yahoomailproxy|outlook-.*proxy|mailscanner|via ggpht/i;
/**
 * Apple Mail Privacy Protection fetches every image of a message as it arrives, through
 * Private Relay's shared egress addresses, and says only this. No browser or mail client
 * sends the bare token (a person's click opens a browser, which sends its full name), so it
 * needs no list of Apple's addresses; a click that says only this is a scanner's.
 */
const BARE_AGENT = 'Mozilla/5.0';

export type MachineReason =
  | 'head_request'
  | 'scanner_user_agent'
  | 'image_proxy'
  | 'no_user_agent'
  | 'too_soon_after_delivery'
  | 'all_links_at_once';

/**
 * Judges every open and click of one message: the reason it was a machine's, or null for a
 * person's. `hits` are all the message's opens and clicks known so far (judged or not).
 */
export function judgeHits(hits: Hit[], sentAt: Date | null): Map<string, MachineReason | null> {
  const verdicts = new Map<string, MachineReason | null>();
  const clicks = hits.filter((h) => h.type === 'clicked').sort((a, b) => a.at.getTime() - b.at.getTime());
  const inBurst = new Set<string>();
  for (let i = 0; i < clicks.length; i++) {
    const window = clicks.filter(
      (c) =>
        c.at.getTime() >= clicks[i].at.getTime() &&
        c.at.getTime() - clicks[i].at.getTime() <= MACHINE_RULES.burstWindowMs,
    );
    if (new Set(window.map((c) => c.linkIndex)).size >= MACHINE_RULES.burstLinks)
      for (const c of window) inBurst.add(c.id);
  }
  for (const hit of hits) verdicts.set(hit.id, judgeOne(hit, sentAt, inBurst.has(hit.id)));
  return verdicts;
}

/**
 * Judges one click of a social post's tracked link. Only the request itself says anything: a
 * post is public and many people click one link within seconds, so neither the time since
 * publishing nor a burst tells a machine apart (the networks' preview fetchers say who they are).
 */
export function judgeSocialClick(hit: { method: string | null; userAgent: string | null }): MachineReason | null {
  if (hit.method === 'HEAD') return 'head_request';
  const agent = (hit.userAgent ?? '').trim();
  if (!agent) return 'no_user_agent';
  return agent === BARE_AGENT || SCANNER_AGENTS.test(agent) ? 'scanner_user_agent' : null;
}

function judgeOne(hit: Hit, sentAt: Date | null, inBurst: boolean): MachineReason | null {
  if (hit.method === 'HEAD') return 'head_request';
  const agent = (hit.userAgent ?? '').trim();
  if (!agent) return 'no_user_agent';
  const bare = agent === BARE_AGENT;
  if (hit.type === 'opened')
    return bare || IMAGE_PROXIES.test(agent) ? 'image_proxy' : SCANNER_AGENTS.test(agent) ? 'scanner_user_agent' : null;
  if (bare || SCANNER_AGENTS.test(agent)) return 'scanner_user_agent';
  if (sentAt && hit.at.getTime() - sentAt.getTime() < MACHINE_RULES.clickAfterDeliveryMs)
    return 'too_soon_after_delivery';
  if (inBurst) return 'all_links_at_once';
  return null;
}

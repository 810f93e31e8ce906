/** A transactional email the engine sends on a vendor's behalf: an invitation, a password reset, a lead notification. */
export interface Notice {
  to: string;
  subject: string;
  text: string;
  /** Optional: without it the notice is plain text only. */
  html?: string;
}

/** The longest subject a notice may have: a line a mail client shows, not a paragraph. */
export const MAX_NOTICE_SUBJECT = 200;

/** An address fit for a header and an envelope: one mailbox, no display name, no line breaks or separators. */
const PLAIN_ADDRESS = /^[^\s@<>",;:\\()[\]]+@[^\s@<>",;:\\()[\]]+\.[^\s@<>",;:\\()[\]]+$/u;

/**
 * The notice as it may go into headers, or the reason it may not: the recipient is one plain
 * address (no display name, list or line break that could add a recipient or a header), the
 * subject one line of bounded length.
 */
export function checkedNotice(notice: Notice): { ok: true; notice: Notice } | { ok: false; message: string } {
  const to = notice.to.trim();
  if (!PLAIN_ADDRESS.test(to) || to.length > 254)
    return { ok: false, message: `Not a single email address: ${JSON.stringify(notice.to.slice(0, 80))}` };
  /* eslint-disable no-control-regex -- control characters are what the subject must lose */
  const subject = notice.subject
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  /* eslint-enable no-control-regex */
  if (!subject) return { ok: false, message: 'A notice needs a subject' };
  if (subject.length > MAX_NOTICE_SUBJECT)
    return { ok: false, message: `A notice subject is at most ${MAX_NOTICE_SUBJECT} characters` };
  return { ok: true, notice: { ...notice, to, subject } };
}

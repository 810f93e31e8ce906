import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { Signer } from '@tcma/signing';

/** How long a reminder's Launch button works: two weeks, as a programme email's. */
export const REMINDER_TOKEN_TTL_MS = 14 * 86_400_000;

/** What a reminder's button says: this user may launch the reminder's campaign for its partner until then. */
export interface ReminderClaim {
  reminderId: string;
  vendorId: string;
  partnerId: string;
  userId: string;
  /** Expiry, epoch seconds. */
  until: number;
}

interface Payload {
  r: string;
  v: string;
  pa: string;
  u: string;
  t: number;
}

const PURPOSE = 'partner-reminder:launch';

/** Signed, single-purpose, expiring tokens for the Launch button of a reminder; each names the user it was mailed to. */
@Injectable()
export class ReminderTokens {
  constructor(
    private readonly signer: Signer,
    private readonly clock: Clock,
  ) {}

  issue(claim: Omit<ReminderClaim, 'until'>): string {
    const payload: Payload = {
      r: claim.reminderId,
      v: claim.vendorId,
      pa: claim.partnerId,
      u: claim.userId,
      t: Math.floor((this.clock.now().getTime() + REMINDER_TOKEN_TTL_MS) / 1000),
    };
    const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${encoded}.${this.signer.sign(PURPOSE, encoded)}`;
  }

  /** The claim of a token, or null when it is not one of ours, was altered or has lapsed. */
  read(token: string): ReminderClaim | null {
    const [encoded, signature, extra] = token.split('.');
    if (extra !== undefined || !encoded || !signature) return null;
    if (!this.signer.verify(PURPOSE, encoded, signature)) return null;
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Payload;
    } catch {
      return null;
    }
    if (typeof payload.t !== 'number' || payload.t * 1000 <= this.clock.now().getTime()) return null;
    return { reminderId: payload.r, vendorId: payload.v, partnerId: payload.pa, userId: payload.u, until: payload.t };
  }
}

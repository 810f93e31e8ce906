import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { Signer } from '@tcma/signing';

/** How long an email's Launch / Skip button works: two weeks, past any review period but the longest. */
export const ACTION_TOKEN_TTL_MS = 14 * 86_400_000;

export const EMAIL_ACTIONS = ['launch', 'skip'] as const;
export type EmailAction = (typeof EMAIL_ACTIONS)[number];

/** What a button's token says: this user may do this one thing to this pending launch until then. */
export interface ActionClaim {
  action: EmailAction;
  pendingLaunchId: string;
  vendorId: string;
  partnerId: string;
  userId: string;
  /** Expiry, epoch seconds. */
  until: number;
}

interface Payload {
  p: string;
  v: string;
  pa: string;
  u: string;
  t: number;
}

/**
 * Signed, single-purpose, expiring tokens for the buttons of programme emails. Each action has
 * its own signing purpose, so a Skip token never launches; the token names the user it was
 * mailed to, who is recorded as the one who acted.
 */
@Injectable()
export class EmailActionTokens {
  constructor(
    private readonly signer: Signer,
    private readonly clock: Clock,
  ) {}

  issue(claim: Omit<ActionClaim, 'until'>): string {
    const payload: Payload = {
      p: claim.pendingLaunchId,
      v: claim.vendorId,
      pa: claim.partnerId,
      u: claim.userId,
      t: Math.floor((this.clock.now().getTime() + ACTION_TOKEN_TTL_MS) / 1000),
    };
    const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${claim.action}.${encoded}.${this.signer.sign(purpose(claim.action), encoded)}`;
  }

  /** The claim of a token, or null when it is not one of ours, was altered or has lapsed. */
  read(token: string): ActionClaim | null {
    const [action, encoded, signature, extra] = token.split('.');
    if (extra !== undefined || !encoded || !signature || !isAction(action)) return null;
    if (!this.signer.verify(purpose(action), encoded, signature)) return null;
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Payload;
    } catch {
      return null;
    }
    if (payload.t * 1000 <= this.clock.now().getTime()) return null;
    return {
      action,
      pendingLaunchId: payload.p,
      vendorId: payload.v,
      partnerId: payload.pa,
      userId: payload.u,
      until: payload.t,
    };
  }
}

const purpose = (action: EmailAction) => `programme-action:${action}`;
const isAction = (value: string | undefined): value is EmailAction =>
  (EMAIL_ACTIONS as readonly string[]).includes(value ?? '');

import type { Capabilities } from '../hooks/use-session';

/** The partner home: where a partner user starts. */
export const PARTNER_HOME = '/portal/home';

/**
 * Where a signed-in person starts when no page asked for them: the partner home for whoever may
 * use the portal but not the console (a partner's users), else the home page, which offers each
 * area the session allows (vendor users, and nobody signed in).
 */
export function landingOf(can: Capabilities | null | undefined): string {
  return can?.partnerPortal && !can.vendorConsole ? PARTNER_HOME : '/';
}

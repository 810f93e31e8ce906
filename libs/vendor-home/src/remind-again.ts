/** A partner is reminded at most once in this many days, whoever of the vendor's users asks. */
export const REMIND_AGAIN_AFTER_DAYS = 7;

/** When a partner last reminded at `last` may be reminded again; null when it may be now (or was never reminded). */
export function remindAgainAt(last: Date | null, now: Date): Date | null {
  if (!last) return null;
  const again = new Date(last.getTime() + REMIND_AGAIN_AFTER_DAYS * 86_400_000);
  return again > now ? again : null;
}

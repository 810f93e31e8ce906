import { addLocalDays, weekdayOf, zonedParts, zonedTimeToInstant } from '@tcma/sequences';

/** A programme's post goes out at this local time when a subscription names none: mid-morning, when feeds are read. */
export const DEFAULT_SOCIAL_POST_TIME = '10:00';
/** `HH:MM`, 24-hour clock. */
export const LOCAL_TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Monday 0 … Friday 4 (the weekday numbering of the time zone helpers). */
const LAST_WEEKDAY = 4;

export interface SocialPostingTime {
  /** `HH:MM` in the partner's time zone. */
  time: string;
  /** Saturdays and Sundays are skipped. */
  weekdaysOnly: boolean;
}

/**
 * The first moment at or after `from` when the partner's clock in `zone` reads `time` (on a
 * weekday, when asked). Days are calendar days in the zone, so the post keeps its wall-clock time
 * across a daylight-saving change; a time skipped by a spring-forward change goes at the end of
 * the gap, as the zone's clocks read.
 */
export function nextSocialPostingTime(from: Date, posting: SocialPostingTime, zone: string): Date {
  if (!LOCAL_TIME_OF_DAY.test(posting.time)) throw new Error(`Not a local time of day: ${posting.time}`);
  const [hour, minute] = posting.time.split(':').map(Number);
  const today = zonedParts(from, zone);
  // Eight days reach the time on a weekday from any day; a time skipped by DST still gives an instant.
  for (let ahead = 0; ahead <= 8; ahead++) {
    const day = addLocalDays({ ...today, hour, minute }, ahead);
    if (posting.weekdaysOnly && weekdayOf(day) > LAST_WEEKDAY) continue;
    const at = zonedTimeToInstant(day, zone);
    if (at.getTime() >= from.getTime()) return at;
  }
  throw new Error('unreachable: a weekday comes round within 8 days');
}

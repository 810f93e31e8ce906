/** Zones offered first; any other IANA zone the browser knows follows them. */
const COMMON_ZONES = [
  'Europe/Warsaw',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
  'UTC',
];

/** The time zones a zone picker offers: the common ones, then every other the browser knows (the API judges the choice). */
export function zoneChoices(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...COMMON_ZONES, ...known.filter((z) => !COMMON_ZONES.includes(z))];
}

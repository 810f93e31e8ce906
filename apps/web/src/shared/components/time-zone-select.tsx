import { Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';

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

function zoneChoices(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...COMMON_ZONES, ...known.filter((z) => !COMMON_ZONES.includes(z))];
}

/**
 * A searchable picker of IANA time zones: the common ones first, then every other the browser
 * knows (the API judges the choice). Always holds a zone: it cannot be cleared.
 */
export function TimeZoneSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (zone: string) => void }) {
  const [zones] = useState(zoneChoices);
  return (
    <Select
      searchable
      allowDeselect={false}
      limit={50}
      {...props}
      data={zones}
      value={value}
      onChange={(v) => v && onChange(v)}
    />
  );
}

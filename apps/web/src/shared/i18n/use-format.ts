import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatting, type Instant } from '../lib/format';
import { FALLBACK_LANGUAGE, intlLocale, isLanguage } from './languages';

/**
 * The formatters of the reader's language (shared/lib/format.ts, in its locale), in the given
 * IANA time zone or the browser's own. With a zone, `inZone` writes a time with the zone named,
 * "10:00 in Europe/Warsaw", where the reader may be elsewhere (a partner's send times).
 */
export function useFormat(timeZone?: string) {
  const { t, i18n } = useTranslation('shared');
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : FALLBACK_LANGUAGE;
  return useMemo(() => {
    const format = formatting({ locale: intlLocale(language), timeZone });
    const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      ...format,
      /** Day and time, the zone named: "3 Mar 2026, 10:00 in Europe/Warsaw". */
      dateTimeInZone: (value: Instant) => t('format.dateTimeInZone', { dateTime: format.dateTime(value), zone }),
      /** A send time on its zone's clock, the zone named: "Tue 3 Mar, 10:00 in Europe/Warsaw". */
      clockInZone: (value: Instant) => t('format.dateTimeInZone', { dateTime: format.clock(value), zone }),
    };
  }, [language, timeZone, t]);
}

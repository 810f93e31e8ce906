import { MantineProvider } from '@mantine/core';
import { useEffect, useMemo, type ReactNode } from 'react';
import engineFavicon from '../assets/favicon.svg';
import { usePortalBrand } from '../shared/hooks/use-portal-brand';
import { useTranslation } from '../shared/i18n';
import { sameOrigin } from '../shared/lib/same-origin';
import { createAppTheme, cssVariablesResolver } from './theme';

/** The tab's icon: the vendor's favicon (stored as PNG) or the engine's. */
function useTabIcon(url: string | null) {
  useEffect(() => {
    let link = document.head.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) {
      link = document.createElement('link');
      link.rel = 'icon';
      document.head.appendChild(link);
    }
    link.type = url ? 'image/png' : 'image/svg+xml';
    link.href = url ?? engineFavicon;
  }, [url]);
}

/**
 * Mantine's theme built at run time from the brand the app is shown in (usePortalBrand): the
 * vendor's colour for its partners and its signed-out pages, the engine's indigo otherwise.
 */
export function BrandedMantineProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('app');
  const brand = usePortalBrand();
  const color = brand?.colors.primaryReadable ?? null;
  const dismiss = t('notifications.dismiss');
  const theme = useMemo(() => createAppTheme(color, { dismiss }), [color, dismiss]);
  useTabIcon(brand?.faviconUrl ? sameOrigin(brand.faviconUrl) : null);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

import { AreaNav, type NavArea } from '../../shared/components/area-nav';
import { useCapabilities } from '../../shared/hooks/use-session';
import { useTranslation } from '../../shared/i18n';
import { isSettingsPath } from './console-settings';

/**
 * The console's areas, folded behind a menu button on a phone, each only when the API's session
 * answer offers it: the marketing areas (partners, programmes, dashboards, social, leads) to
 * vendor admins and marketers, not approvers; the settings (webhooks, the vendor's own CRM,
 * sending, host names, single sign-on, the brand) to vendor admins, as one area whose page leads
 * to each: eight areas keep to one row at 1440 px.
 */
export function ConsoleNav() {
  const { t } = useTranslation('app');
  const { vendorSettings, vendorMarketing } = useCapabilities();
  const reading: NavArea[] = [
    { label: t('consoleNav.home'), to: '/console/home', owns: (p) => p === '/console/home' },
    {
      label: t('consoleNav.campaigns'),
      to: '/console',
      owns: (p) => p === '/console' || p.startsWith('/console/campaigns'),
    },
  ];
  const marketing: NavArea[] = [
    { label: t('consoleNav.partners'), to: '/console/partners', owns: (p) => p.startsWith('/console/partners') },
    { label: t('consoleNav.programmes'), to: '/console/programmes', owns: (p) => p.startsWith('/console/programmes') },
    { label: t('consoleNav.dashboards'), to: '/console/dashboards', owns: (p) => p.startsWith('/console/dashboards') },
    { label: t('consoleNav.social'), to: '/console/social/calendar', owns: (p) => p.startsWith('/console/social') },
    { label: t('consoleNav.leads'), to: '/console/leads', owns: (p) => p.startsWith('/console/leads') },
  ];
  const settings: NavArea[] = [{ label: t('consoleNav.settings'), to: '/console/settings', owns: isSettingsPath }];
  return (
    <AreaNav
      label={t('consoleNav.label')}
      areas={[...reading, ...(vendorMarketing ? marketing : []), ...(vendorSettings ? settings : [])]}
      id="console-areas"
      menu={{
        fallback: t('consoleNav.console'),
        open: (here) => t('consoleNav.openMenu', { here }),
        close: (here) => t('consoleNav.closeMenu', { here }),
      }}
    />
  );
}

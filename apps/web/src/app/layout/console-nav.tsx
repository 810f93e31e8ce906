import { AreaNav, type NavArea } from '../../shared/components/area-nav';
import { useCapabilities } from '../../shared/hooks/use-session';
import { useTranslation } from '../../shared/i18n';

/**
 * The console's areas, folded behind a menu button on a phone, each only when the API's session
 * answer offers it: the marketing areas (partners, programmes, dashboards, social, leads) to
 * vendor admins and marketers, not approvers; the settings areas (webhooks, the vendor's own CRM,
 * sending, host names, single sign-on, the brand) to vendor admins.
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
  const settings: NavArea[] = [
    { label: t('consoleNav.webhooks'), to: '/console/webhooks', owns: (p) => p.startsWith('/console/webhooks') },
    { label: t('consoleNav.crm'), to: '/console/crm', owns: (p) => p.startsWith('/console/crm') },
    { label: t('consoleNav.sending'), to: '/console/sending', owns: (p) => p.startsWith('/console/sending') },
    { label: t('consoleNav.hostNames'), to: '/console/host-names', owns: (p) => p.startsWith('/console/host-names') },
    { label: t('consoleNav.sso'), to: '/console/sso', owns: (p) => p.startsWith('/console/sso') },
    { label: t('consoleNav.brand'), to: '/console/brand', owns: (p) => p.startsWith('/console/brand') },
  ];
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

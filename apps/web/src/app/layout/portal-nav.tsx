import { AreaNav, type NavArea } from '../../shared/components/area-nav';
import { useTranslation } from '../../shared/i18n';

interface PortalArea extends NavArea {
  /** Shown to partner admins only (the API answers 403 to partner users). */
  adminOnly?: boolean;
}

const under = (prefix: string) => (p: string) => p === prefix || p.startsWith(`${prefix}/`);

/** The portal's areas, in the reader's language. The catalogue also owns a campaign's page, opened from it. */
function usePortalAreas(): PortalArea[] {
  const { t } = useTranslation('app');
  return [
    { label: t('portalNav.home'), to: '/portal/home', owns: under('/portal/home') },
    {
      label: t('portalNav.catalogue'),
      to: '/portal',
      owns: (p) => p === '/portal' || p === '/portal/' || p.startsWith('/portal/campaigns/'),
    },
    { label: t('portalNav.launches'), to: '/portal/launches', owns: under('/portal/launches') },
    { label: t('portalNav.programmes'), to: '/portal/programmes', owns: under('/portal/programmes') },
    { label: t('portalNav.audience'), to: '/portal/audience', owns: under('/portal/audience') },
    { label: t('portalNav.leads'), to: '/portal/leads', owns: under('/portal/leads') },
    { label: t('portalNav.webhooks'), to: '/portal/webhooks', owns: under('/portal/webhooks'), adminOnly: true },
    { label: t('portalNav.brandKit'), to: '/portal/brand-kit', owns: under('/portal/brand-kit') },
    { label: t('portalNav.social'), to: '/portal/social', owns: under('/portal/social') },
    { label: t('portalNav.crm'), to: '/portal/crm', owns: under('/portal/crm') },
    // The company's single sign-on is opened from the account page: it is part of that area.
    {
      label: t('portalNav.account'),
      to: '/portal/account',
      owns: (p) => under('/portal/account')(p) || under('/portal/sso')(p),
    },
  ];
}

/** The portal's navigation: a row of its areas, folded behind a menu button on a phone. */
export function PortalNav({ admin }: { admin: boolean }) {
  const { t } = useTranslation('app');
  const areas = usePortalAreas().filter((a) => admin || !a.adminOnly);
  return (
    <AreaNav
      label={t('portalNav.label')}
      areas={areas}
      id="portal-areas"
      menu={{
        fallback: t('portalNav.portal'),
        open: (here) => t('portalNav.openMenu', { here }),
        close: (here) => t('portalNav.closeMenu', { here }),
      }}
    />
  );
}

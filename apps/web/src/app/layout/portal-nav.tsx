import { Button, NavLink, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, useLocation } from 'react-router';
import { AreaNav, type NavArea } from '../../shared/components/area-nav';
import { Chevron } from '../../shared/components/chevron';
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
    { label: t('portalNav.account'), to: '/portal/account', owns: under('/portal/account') },
  ];
}

/** Where the row of areas no longer fits beside the app's navigation: the areas fold behind a button. */
const WIDE = '(min-width: 48em)';

/** The portal's navigation: a row of its areas, folded behind a menu button on a phone. */
export function PortalNav({ admin }: { admin: boolean }) {
  const { t } = useTranslation('app');
  const { pathname } = useLocation();
  const wide = useMediaQuery(WIDE, true);
  const [opened, { toggle, close }] = useDisclosure(false);
  const areas = usePortalAreas().filter((a) => admin || !a.adminOnly);
  const here = areas.find((a) => a.owns(pathname))?.label ?? t('portalNav.portal');

  if (wide) return <AreaNav label={t('portalNav.label')} areas={areas} />;
  return (
    <Stack
      component="nav"
      aria-label={t('portalNav.label')}
      gap={4}
      pb="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      {/* A labelled switcher, not a second burger under the app's own: it names where the partner is. */}
      <Button
        variant="default"
        fullWidth
        justify="space-between"
        rightSection={<Chevron up={opened} />}
        onClick={toggle}
        aria-label={opened ? t('portalNav.closeMenu', { here }) : t('portalNav.openMenu', { here })}
        aria-expanded={opened}
        aria-controls="portal-areas"
      >
        {here}
      </Button>
      {/* Folded away, the links leave the page's tab order and its accessibility tree. */}
      <Stack id="portal-areas" gap={2} style={opened ? undefined : { display: 'none' }}>
        {areas.map((area) => {
          const active = area.owns(pathname);
          return (
            <NavLink
              key={area.to}
              component={Link}
              to={area.to}
              label={area.label}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={close}
            />
          );
        })}
      </Stack>
    </Stack>
  );
}

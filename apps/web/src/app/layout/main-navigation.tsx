import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useCapabilities, useSession } from '../../shared/hooks/use-session';
import { useTranslation } from '../../shared/i18n';

interface NavItem {
  label: string;
  to: string;
  description: string;
}

const isActive = (pathname: string, to: string) =>
  to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);

/**
 * The app's areas, as the API's session answer allows them (capabilities): a partner never sees
 * the console or the developers' links, a vendor user sees the portal only while acting for a
 * partner; nobody signed in is offered the way to sign in.
 */
export function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('app');
  const { pathname } = useLocation();
  const session = useSession();
  const can = useCapabilities();
  const areas: NavItem[] = [
    { label: t('navigation.home'), to: '/', description: t('navigation.homeDescription') },
    ...(can.partnerPortal
      ? [{ label: t('navigation.portal'), to: '/portal', description: t('navigation.portalDescription') }]
      : []),
    ...(can.vendorConsole
      ? [{ label: t('navigation.console'), to: '/console', description: t('navigation.consoleDescription') }]
      : []),
    ...(session.data === null
      ? [{ label: t('navigation.signIn'), to: '/sign-in', description: t('navigation.signInDescription') }]
      : []),
  ];
  return (
    <Stack gap={4}>
      {areas.map((item) => {
        const active = isActive(pathname, item.to);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            description={item.description}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
      {can.developerTools ? (
        <>
          <Divider my="sm" />
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
            {t('navigation.developers')}
          </Text>
          {/* The API's own page, not one of the app's: a full page load. */}
          <NavLink
            component="a"
            href="/docs"
            label={t('navigation.apiReference')}
            description={t('navigation.apiReferenceDescription')}
          />
        </>
      ) : null}
    </Stack>
  );
}

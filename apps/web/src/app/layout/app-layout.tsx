import { AppShell, Burger, Container, Group, Image, Loader, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery, useReducedMotion } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useNavigation } from 'react-router';
import { UserMenu } from '../../features/session/components/user-menu';
import { usePortalBrand } from '../../shared/hooks/use-portal-brand';
import { useTranslation } from '../../shared/i18n';
import { sameOrigin } from '../../shared/lib/same-origin';
import { ConciergeBanner } from './concierge-banner';
import { MainNavigation } from './main-navigation';

const NAVBAR_BREAKPOINT = 'sm';

/** Header, main navigation (a drawer below 768 px) and the page. */
export function AppLayout() {
  const { t } = useTranslation('app');
  const [opened, { toggle, close }] = useDisclosure(false);
  const wide = useMediaQuery('(min-width: 48em)', true);
  const navigation = useNavigation();
  const hidden = !wide && !opened;
  // The drawer slides in and out, unless the reader asked for less motion (WCAG 2.3.3).
  const reducedMotion = useReducedMotion();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('header.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !opened } }}
        padding="lg"
        transitionDuration={reducedMotion ? 0 : 200}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom={NAVBAR_BREAKPOINT}
                size="sm"
                aria-label={opened ? t('header.closeNavigation') : t('header.openNavigation')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <HomeLink onClick={close} />
            </Group>
            <Group gap="sm" wrap="nowrap">
              {navigation.state !== 'idle' ? <Loader size="sm" aria-label={t('header.loadingPage')} /> : null}
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        {/* Off screen on a phone until opened: inert keeps the keyboard out of it meanwhile. */}
        <AppShell.Navbar id="main-navigation" aria-label={t('navigation.label')} p="sm" inert={hidden}>
          <MainNavigation onNavigate={close} />
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} bg="gray.0" style={{ outline: 'none' }}>
          <Container size="lg" px={0}>
            <ConciergeBanner />
            {/* A page whose words are still on their way waits here, under the header and navigation. */}
            <Suspense fallback={null}>
              <Outlet />
            </Suspense>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

/** The vendor's logo and name for its partners and its signed-out pages; the engine's elsewhere. */
function HomeLink({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('app');
  const brand = usePortalBrand();
  const name = brand?.displayName ?? t('shared:engineName');
  return (
    <UnstyledButton component={Link} to="/" onClick={onClick} aria-label={t('header.home', { name })} miw={0}>
      <Group gap={8} wrap="nowrap" miw={0}>
        {brand?.logoUrl ? (
          // The link is named after the vendor: the image adds nothing a screen reader should read twice.
          <Image src={sameOrigin(brand.logoUrl)} alt="" h={32} w="auto" maw={{ base: 112, xs: 140 }} fit="contain" />
        ) : brand ? null : (
          <Logo />
        )}
        {/* On a phone a vendor's logo stands alone (it usually carries the name): the header has room for little else. */}
        <Text fw={700} size="lg" c="dark.8" truncate visibleFrom={brand?.logoUrl ? 'xs' : undefined}>
          {name}
        </Text>
        {brand ? null : (
          <Text size="sm" c="dimmed" visibleFrom="xs">
            {t('header.engineTagline')}
          </Text>
        )}
      </Group>
    </UnstyledButton>
  );
}

function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-indigo-8)" />
      <path d="M9 11h14M16 11v12" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" />
    </svg>
  );
}

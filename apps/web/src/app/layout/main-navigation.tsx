import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';

interface NavItem {
  label: string;
  to: string;
  description: string;
}

const AREAS: NavItem[] = [
  { label: 'Home', to: '/', description: 'Start here' },
  { label: 'Partner portal', to: '/portal', description: 'Launch co-branded campaigns' },
  { label: 'Vendor console', to: '/console', description: 'Author and publish campaigns' },
];

const isActive = (pathname: string, to: string) =>
  to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);

export function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {AREAS.map((item) => {
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
      <Divider my="sm" />
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
        For developers
      </Text>
      {/* The API's own page, not one of the app's: a full page load. */}
      <NavLink component="a" href="/docs" label="API reference" description="OpenAPI at /docs" />
    </Stack>
  );
}

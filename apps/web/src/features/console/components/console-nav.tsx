import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

/** The console's areas. Sending settings and webhooks are for vendor admins (the API answers 403 to others). */
const AREAS = [
  { label: 'Campaigns', to: '/console', owns: (p: string) => p === '/console' || p.startsWith('/console/campaigns') },
  { label: 'Partners', to: '/console/partners', owns: (p: string) => p.startsWith('/console/partners') },
  { label: 'Programmes', to: '/console/programmes', owns: (p: string) => p.startsWith('/console/programmes') },
  { label: 'Dashboards', to: '/console/dashboards', owns: (p: string) => p.startsWith('/console/dashboards') },
  { label: 'Social', to: '/console/social/calendar', owns: (p: string) => p.startsWith('/console/social') },
  { label: 'Leads', to: '/console/leads', owns: (p: string) => p.startsWith('/console/leads') },
  { label: 'Webhooks', to: '/console/webhooks', owns: (p: string) => p.startsWith('/console/webhooks') },
  { label: 'Sending', to: '/console/sending', owns: (p: string) => p.startsWith('/console/sending') },
];

export function ConsoleNav() {
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label="Console" gap={4} pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      {AREAS.map((area) => {
        const active = area.owns(pathname);
        return (
          <Button key={area.to} component={Link} to={area.to} variant={active ? 'light' : 'subtle'} color={active ? 'indigo' : 'dark'} aria-current={active ? 'page' : undefined} size="sm">
            {area.label}
          </Button>
        );
      })}
    </Group>
  );
}

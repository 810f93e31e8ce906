import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

/** One area of a part of the app (the console, the portal) and the addresses it owns. */
export interface NavArea {
  label: string;
  to: string;
  owns: (pathname: string) => boolean;
}

/** A part of the app's areas as a row of links, the current one marked (aria-current). */
export function AreaNav({ label, areas }: { label: string; areas: readonly NavArea[] }) {
  const { pathname } = useLocation();
  return (
    <Group
      component="nav"
      aria-label={label}
      gap={4}
      pb="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      {areas.map((area) => {
        const active = area.owns(pathname);
        return (
          <Button
            key={area.to}
            component={Link}
            to={area.to}
            variant={active ? 'light' : 'subtle'}
            // The theme's primary colour: the vendor's in its portal.
            color={active ? undefined : 'dark'}
            aria-current={active ? 'page' : undefined}
            size="sm"
            // Tighter than a button's own padding: the console's eleven areas keep to one row at 1440 px.
            px="sm"
          >
            {area.label}
          </Button>
        );
      })}
    </Group>
  );
}

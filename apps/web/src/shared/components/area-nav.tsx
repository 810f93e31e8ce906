import { Button, Group, NavLink, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, useLocation } from 'react-router';
import { Chevron } from './chevron';

/** One area of a part of the app (the console, the portal) and the addresses it owns. */
export interface NavArea {
  label: string;
  to: string;
  owns: (pathname: string) => boolean;
}

/** The words of the folded navigation's button, which names where the reader is. */
export interface AreaMenuWords {
  /** The button's text when no area owns the page. */
  fallback: string;
  open: (here: string) => string;
  close: (here: string) => string;
}

interface AreaNavProps {
  label: string;
  areas: readonly NavArea[];
  /** The id of the folded list, unique on the page. */
  id: string;
  menu: AreaMenuWords;
}

/** Where the row of areas no longer fits beside the app's navigation: the areas fold behind a button. */
const WIDE = '(min-width: 48em)';

const BORDER = { borderBottom: '1px solid var(--mantine-color-gray-3)' };

/**
 * A part of the app's areas as a row of links, the current one marked (aria-current); on a phone,
 * folded behind a button that names the current area, so the page's heading stays in view.
 */
export function AreaNav({ label, areas, id, menu }: AreaNavProps) {
  const { pathname } = useLocation();
  const wide = useMediaQuery(WIDE, true);
  const [opened, { toggle, close }] = useDisclosure(false);
  if (wide) {
    return (
      <Group component="nav" aria-label={label} gap={4} pb="xs" style={BORDER}>
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
  const here = areas.find((a) => a.owns(pathname))?.label ?? menu.fallback;
  return (
    <Stack component="nav" aria-label={label} gap={4} pb="xs" style={BORDER}>
      {/* A labelled switcher, not a second burger under the app's own: it names where the reader is. */}
      <Button
        variant="default"
        fullWidth
        justify="space-between"
        rightSection={<Chevron up={opened} />}
        onClick={toggle}
        aria-label={opened ? menu.close(here) : menu.open(here)}
        aria-expanded={opened}
        aria-controls={id}
      >
        {here}
      </Button>
      {/* Folded away, the links leave the page's tab order and its accessibility tree. */}
      <Stack id={id} gap={2} style={opened ? undefined : { display: 'none' }}>
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

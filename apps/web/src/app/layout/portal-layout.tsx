import { Stack } from '@mantine/core';
import { Outlet } from 'react-router';
import { useMe } from '../../shared/hooks/use-me';
import { PortalNav } from './portal-nav';

/**
 * Every portal page under the portal's own navigation, shown once a partner user is signed in
 * (each page's PortalGate answers anyone else).
 */
export function PortalLayout() {
  const me = useMe().data;
  return (
    <Stack gap="lg">
      {me?.partnerId ? <PortalNav admin={me.role === 'partner_admin'} /> : null}
      <Outlet />
    </Stack>
  );
}

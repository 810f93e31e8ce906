import { Button, Menu, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Chevron } from '../../../shared/components/chevron';
import { useSession } from '../../../shared/hooks/use-session';
import { ROLE_LABELS } from '../../../shared/lib/role-labels';
import { useSignOut } from '../hooks/use-session';

/** The header's account menu: who is signed in, a partner user's account page, sign out, sign out everywhere; or a sign-in link. */
export function UserMenu() {
  const session = useSession();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOut(true);

  if (session.isPending || session.isError) return null;
  if (!session.data) {
    return (
      <Button component={Link} to="/sign-in" size="xs" variant="default">
        Sign in
      </Button>
    );
  }
  const { user } = session.data;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={`Account: ${user.name}`} rightSection={<Chevron />} maw={180}>
          <Text size="xs" fw={600} truncate>
            {user.name}
          </Text>
        </Button>
      </Menu.Target>
      {/* Never wider than a phone's screen: a long address wraps instead. */}
      <Menu.Dropdown maw="calc(100vw - 16px)">
        <Menu.Label className="wrap-anywhere">
          {user.email}
          <br />
          {ROLE_LABELS[user.role]}
        </Menu.Label>
        {user.partnerId ? (
          <Menu.Item component={Link} to="/portal/account">
            Account and sessions
          </Menu.Item>
        ) : null}
        <Menu.Item onClick={() => signOut.mutate()}>Sign out</Menu.Item>
        <Menu.Item onClick={() => signOutEverywhere.mutate()}>Sign out everywhere</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

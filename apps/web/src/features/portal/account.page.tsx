import { Divider, Stack } from '@mantine/core';
import { PageHeader } from '../../shared/page-header';
import { SessionsPanel } from '../session/components/sessions-panel';
import { useMe } from '../session/hooks/use-me';
import { ColleaguesPanel } from './components/colleagues-panel';
import { ConciergeLogPanel } from './components/concierge-log-panel';
import { PortalGate } from './components/portal-gate';

export function AccountPage() {
  return <PortalGate>{(partnerId) => <Account partnerId={partnerId} />}</PortalGate>;
}

/** Every partner user's sessions; a partner admin's colleagues and the concierge audit log too. */
function Account({ partnerId }: { partnerId: string }) {
  const me = useMe();
  const admin = me.data?.role === 'partner_admin';
  return (
    <Stack gap="lg">
      <PageHeader
        title="Account"
        description={
          admin ? 'Your sessions, your colleagues, and who at your vendor acted for you.' : 'Where you are signed in.'
        }
      />
      <SessionsPanel />
      {admin ? (
        <>
          <Divider />
          <ColleaguesPanel partnerId={partnerId} />
          <Divider />
          <ConciergeLogPanel partnerId={partnerId} />
        </>
      ) : null}
    </Stack>
  );
}

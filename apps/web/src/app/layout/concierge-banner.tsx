import { Alert, Button, Group, Text } from '@mantine/core';
import { $api } from '../../api/query';
import { useConcierge } from '../../shared/hooks/use-concierge';
import { useSession } from '../../shared/hooks/use-session';

/** Said on every page while this tab acts for a partner: whose portal it is, that it is recorded, and the way back. */
export function ConciergeBanner() {
  const session = useSession();
  const concierge = useConcierge();
  const partnerId = session.data?.actingForPartnerId ?? null;
  const partner = $api.useQuery(
    'get',
    '/partners/{id}',
    { params: { path: { id: partnerId ?? '' } } },
    { enabled: !!partnerId },
  );
  if (!partnerId) return null;
  return (
    <Alert color="grape" variant="filled" mb="md" role="status" aria-label="Concierge mode">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={600}>
          You are acting for {partner.data?.companyName ?? 'a partner'}: what you do here is done as the partner, and
          recorded in its audit log.
        </Text>
        <Button size="xs" variant="white" color="grape" onClick={() => void concierge.stop()}>
          Back to the console
        </Button>
      </Group>
    </Alert>
  );
}

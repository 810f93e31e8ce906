import { Alert, Button, Group, Text } from '@mantine/core';
import { $api } from '../../api/query';
import { useConcierge } from '../../shared/hooks/use-concierge';
import { useTranslation } from '../../shared/i18n';
import { useSession } from '../../shared/hooks/use-session';

/** Said on every page while this tab acts for a partner: whose portal it is, that it is recorded, and the way back. */
export function ConciergeBanner() {
  const { t } = useTranslation('app');
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
    <Alert color="grape" variant="filled" mb="md" role="status" aria-label={t('concierge.label')}>
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={600}>
          {partner.data
            ? t('concierge.actingFor', { partner: partner.data.companyName })
            : t('concierge.actingForAPartner')}
        </Text>
        <Button size="xs" variant="white" color="grape" onClick={() => void concierge.stop()}>
          {t('concierge.back')}
        </Button>
      </Group>
    </Alert>
  );
}

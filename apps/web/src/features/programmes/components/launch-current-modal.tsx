import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import { useLaunchCurrent, type CurrentLaunches, type Subscription } from '../hooks/use-subscriptions';

/**
 * Asks before starting the current version of a programme's campaigns: a subscription is offered
 * only versions published after it began, so what is already out starts only when asked.
 */
export function LaunchCurrentModal({
  subscription,
  programmeName,
  audience,
  onDone,
  onClose,
}: {
  subscription: Subscription;
  programmeName: string;
  audience: string;
  onDone: (launched: CurrentLaunches['items']) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('programmes');
  const launch = useLaunchCurrent();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('launchCurrent.title', { programme: programmeName })}
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('launchCurrent.text')}</Text>
        <Text size="sm">{t('launchCurrent.audience', { audience })}</Text>
        {launch.error ? (
          <Alert color="red" variant="light" role="alert" title={t('launchCurrent.failed')}>
            {launch.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('launchCurrent.notNow')}
          </Button>
          <Button
            loading={launch.isPending}
            onClick={() =>
              launch.mutate(
                { params: { path: { id: subscription.id } } },
                { onSuccess: (answer) => onDone(answer.items) },
              )
            }
          >
            {t('launchCurrent.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

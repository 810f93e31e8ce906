import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
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
  const launch = useLaunchCurrent();
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Launch the current version of “${programmeName}” now?`}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        <Text size="sm">
          New campaigns of the programme come to you as they are published. This starts the latest version of each
          campaign it already offers, now, with your defaults. A version you have already launched or skipped is not
          launched again.
        </Text>
        <Text size="sm">Audience: {audience}</Text>
        {launch.error ? (
          <Alert color="red" variant="light" role="alert" title="Nothing was launched">
            {launch.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Not now
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
            Launch now
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

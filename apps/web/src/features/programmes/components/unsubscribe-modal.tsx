import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useUnsubscribe, type Subscription } from '../hooks/use-subscriptions';

/** Asks before unsubscribing: it cancels the subscription's pending launches (launches already started go on). */
export function UnsubscribeModal({
  subscription,
  programmeName,
  onDone,
  onClose,
}: {
  subscription: Subscription;
  programmeName: string;
  onDone: (cancelled: number) => void;
  onClose: () => void;
}) {
  const unsubscribe = useUnsubscribe();
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Unsubscribe from “${programmeName}”?`}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        <Text size="sm">
          Its pending launches are cancelled and no new campaign of the programme is offered to you. Launches already
          started go on.
        </Text>
        {unsubscribe.error ? (
          <Alert color="red" variant="light" role="alert" title="Still subscribed">
            {unsubscribe.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep the subscription
          </Button>
          <Button
            color="red.9"
            loading={unsubscribe.isPending}
            onClick={() => unsubscribe.mutate(subscription.id, { onSuccess: onDone })}
          >
            Unsubscribe
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

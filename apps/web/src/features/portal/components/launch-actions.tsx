import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useLaunchAction, type Launch, type LaunchAction } from '../hooks/use-launches';

const ACTIONS: Record<
  LaunchAction,
  { label: string; question: string; explain: string; confirm: string; color?: string; done: string }
> = {
  pause: {
    label: 'Pause',
    question: 'Pause this launch?',
    explain: 'No further email goes out until you resume it. Nothing already sent is affected.',
    confirm: 'Pause the launch',
    done: 'The launch is paused.',
  },
  resume: {
    label: 'Resume',
    question: 'Resume this launch?',
    explain: 'Steps due while it was paused go at their next open send window; no step is sent twice.',
    confirm: 'Resume the launch',
    done: 'The launch is running again.',
  },
  cancel: {
    label: 'Cancel launch',
    question: 'Cancel this launch?',
    explain: 'Every future step is stopped for good. This cannot be undone.',
    confirm: 'Cancel the launch',
    color: 'red.9',
    done: 'The launch is cancelled.',
  },
};

/** Which actions a launch in this status offers; the API refuses any other (and says why). */
function actionsFor(status: Launch['status']): LaunchAction[] {
  if (status === 'active' || status === 'enrolling') return ['pause', 'cancel'];
  if (status === 'paused') return ['resume', 'cancel'];
  return [];
}

/** Pause, resume and cancel, each after a confirmation. */
export function LaunchActions({ launch }: { launch: Launch }) {
  const [pending, setPending] = useState<LaunchAction | null>(null);
  const action = useLaunchAction(launch.id);
  const actions = actionsFor(launch.status);
  if (!actions.length) return null;
  const close = () => {
    setPending(null);
    action.reset();
  };
  const chosen = pending ? ACTIONS[pending] : null;
  return (
    <>
      <Group gap="sm">
        {actions.map((a) => (
          <Button
            key={a}
            variant={a === 'cancel' ? 'outline' : 'default'}
            color={ACTIONS[a].color}
            onClick={() => setPending(a)}
          >
            {ACTIONS[a].label}
          </Button>
        ))}
      </Group>
      <Modal
        opened={!!pending}
        onClose={close}
        title={chosen?.question}
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Text size="sm" mb="md">
          {chosen?.explain}
        </Text>
        {action.error ? (
          <Alert color="red" variant="light" role="alert" mb="md">
            {action.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep it as it is
          </Button>
          <Button
            color={chosen?.color}
            loading={action.isPending}
            data-autofocus
            onClick={() =>
              pending &&
              action.mutate(pending, {
                onSuccess: () => {
                  notifications.show({ message: ACTIONS[pending].done, color: 'teal' });
                  close();
                },
              })
            }
          >
            {chosen?.confirm}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation, type TFunction } from '../../../shared/i18n';
import { useLaunchAction, type Launch, type LaunchAction } from '../hooks/use-launches';

/** Each action's words, in the reader's language, and its colour. */
const actionsIn = (
  t: TFunction,
): Record<
  LaunchAction,
  { label: string; question: string; explain: string; confirm: string; color?: string; done: string }
> => ({
  pause: {
    label: t('portal:actions.pause'),
    question: t('portal:actions.pauseQuestion'),
    explain: t('portal:actions.pauseExplain'),
    confirm: t('portal:actions.pauseConfirm'),
    done: t('portal:actions.paused'),
  },
  resume: {
    label: t('portal:actions.resume'),
    question: t('portal:actions.resumeQuestion'),
    explain: t('portal:actions.resumeExplain'),
    confirm: t('portal:actions.resumeConfirm'),
    done: t('portal:actions.resumed'),
  },
  cancel: {
    label: t('portal:actions.cancel'),
    question: t('portal:actions.cancelQuestion'),
    explain: t('portal:actions.cancelExplain'),
    confirm: t('portal:actions.cancelConfirm'),
    color: 'red.9',
    done: t('portal:actions.cancelled'),
  },
});

/** Which actions a launch in this status offers; the API refuses any other (and says why). */
function actionsFor(status: Launch['status']): LaunchAction[] {
  if (status === 'active' || status === 'enrolling') return ['pause', 'cancel'];
  if (status === 'paused') return ['resume', 'cancel'];
  if (status === 'awaiting_approval') return ['cancel'];
  return [];
}

/** Pause, resume and cancel, each after a confirmation. */
export function LaunchActions({ launch }: { launch: Launch }) {
  const { t } = useTranslation('portal');
  const ACTIONS = actionsIn(t);
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
        closeButtonProps={{ 'aria-label': t('actions.close') }}
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
            {t('actions.keep')}
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

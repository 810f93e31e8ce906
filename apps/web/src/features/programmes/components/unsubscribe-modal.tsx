import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
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
  const { t } = useTranslation('programmes');
  const unsubscribe = useUnsubscribe();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('unsubscribe.title', { programme: programmeName })}
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('unsubscribe.text')}</Text>
        {unsubscribe.error ? (
          <Alert color="red" variant="light" role="alert" title={t('unsubscribe.failed')}>
            {unsubscribe.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('unsubscribe.keep')}
          </Button>
          <Button
            color="red.9"
            loading={unsubscribe.isPending}
            onClick={() => unsubscribe.mutate(subscription.id, { onSuccess: onDone })}
          >
            {t('unsubscribe.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

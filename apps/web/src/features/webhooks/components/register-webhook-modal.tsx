import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { isEventType, useEventTypeLabels } from '../event-types';
import { useRegisterWebhook, type RegisteredWebhook, type WebhookEventType } from '../hooks/use-webhooks';

/** The URL and the event types of a new endpoint; the API checks both and answers at the fields. */
export function RegisterWebhookModal({
  opened,
  onClose,
  onRegistered,
}: {
  opened: boolean;
  onClose: () => void;
  onRegistered: (created: RegisteredWebhook) => void;
}) {
  const { t } = useTranslation('webhooks');
  const eventTypeLabels = useEventTypeLabels();
  const register = useRegisterWebhook();
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const close = () => {
    register.reset();
    onClose();
  };
  const general = formError(register.error, ['url', 'eventTypes']);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('register.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack
        component="form"
        aria-label={t('register.title')}
        gap="md"
        onSubmit={(e) => {
          e.preventDefault();
          register.mutate(
            { url: url.trim(), eventTypes },
            {
              onSuccess: (created) => {
                setUrl('');
                setEventTypes([]);
                register.reset();
                onRegistered(created);
              },
            },
          );
        }}
      >
        {general ? (
          <Alert color="red" variant="light" title={t('register.notRegistered')}>
            {general}
          </Alert>
        ) : null}
        <TextInput
          label={t('register.url')}
          description={t('register.urlHint')}
          placeholder={t('register.urlExample')}
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={fieldError(register.error, 'url')}
          data-autofocus
        />
        <Checkbox.Group
          label={t('register.events')}
          description={t('register.eventsHint')}
          value={eventTypes}
          onChange={(v) => setEventTypes(v.filter(isEventType))}
          error={fieldError(register.error, 'eventTypes')}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {Object.entries(eventTypeLabels).map(([value, label]) => (
              <Checkbox key={value} value={value} label={label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={register.isPending}>
            {t('register.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

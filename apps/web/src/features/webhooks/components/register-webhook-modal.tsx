import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { EVENT_TYPE_LABELS, isEventType } from '../event-types';
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
      title="Register an endpoint"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack
        component="form"
        aria-label="Register an endpoint"
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
          <Alert color="red" variant="light" title="The endpoint was not registered">
            {general}
          </Alert>
        ) : null}
        <TextInput
          label="URL"
          description="An https address of your CRM or receiver."
          placeholder="https://crm.example.com/hooks/tcma"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={fieldError(register.error, 'url')}
          data-autofocus
        />
        <Checkbox.Group
          label="Events"
          description="What this endpoint receives."
          value={eventTypes}
          onChange={(v) => setEventTypes(v.filter(isEventType))}
          error={fieldError(register.error, 'eventTypes')}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {Object.entries(EVENT_TYPE_LABELS).map(([value, label]) => (
              <Checkbox key={value} value={value} label={label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={register.isPending}>
            Register
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

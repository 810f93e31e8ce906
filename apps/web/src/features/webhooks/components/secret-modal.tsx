import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { RegisteredWebhook } from '../hooks/use-webhooks';

/** The signing secret of an endpoint just registered: the API shows it this once, so it is copied here or lost. */
export function SecretModal({ registered, onClose }: { registered: RegisteredWebhook | null; onClose: () => void }) {
  return (
    <Modal
      opened={registered !== null}
      onClose={onClose}
      title="Copy the signing secret now"
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {registered ? (
        <Stack gap="md">
          <Alert color="indigo" variant="light" title="Shown once">
            It is not shown again. Your receiver verifies each delivery&apos;s webhook-signature header with it
            (Standard Webhooks).
          </Alert>
          <Text size="sm" className="wrap-anywhere">
            Endpoint: {registered.url}
          </Text>
          <Code block aria-label="Signing secret" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {registered.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={registered.secret}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'light' : 'filled'} color={copied ? 'teal.9' : undefined} onClick={copy}>
                  {copied ? 'Copied' : 'Copy the secret'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

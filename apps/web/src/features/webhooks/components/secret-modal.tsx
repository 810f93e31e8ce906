import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import type { RegisteredWebhook } from '../hooks/use-webhooks';

/** The signing secret of an endpoint just registered: the API shows it this once, so it is copied here or lost. */
export function SecretModal({ registered, onClose }: { registered: RegisteredWebhook | null; onClose: () => void }) {
  const { t } = useTranslation('webhooks');
  return (
    <Modal
      opened={registered !== null}
      onClose={onClose}
      title={t('secret.title')}
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      {registered ? (
        <Stack gap="md">
          <Alert color="indigo" variant="light" title={t('secret.once')}>
            {t('secret.onceText')}
          </Alert>
          <Text size="sm" className="wrap-anywhere">
            {t('secret.endpoint', { url: registered.url })}
          </Text>
          <Code block aria-label={t('secret.label')} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {registered.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={registered.secret}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'light' : 'filled'} color={copied ? 'teal.9' : undefined} onClick={copy}>
                  {copied ? t('secret.copied') : t('secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('secret.done')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

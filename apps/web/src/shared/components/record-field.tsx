import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from '../i18n';

/** One part of a DNS record to publish (sending domains, host names): its label, the text (wrapping anywhere: a key or token is one long word) and a copy button. */
export function RecordField({ label, value, what }: { label: string; value: string; what: string }) {
  const { t } = useTranslation('shared');
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="xs" fw={600} c="dimmed">
          {label}
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {value}
        </Code>
      </Stack>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'filled' : 'default'}
            color={copied ? 'teal.9' : undefined}
            onClick={copy}
            aria-label={copied ? t('recordField.copied', { what }) : t('recordField.copyThe', { what })}
            size="compact-sm"
            miw={72}
            mt={20}
          >
            {copied ? t('recordField.copiedShort') : t('recordField.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

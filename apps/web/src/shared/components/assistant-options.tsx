import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from '../i18n';

interface AssistantOptionsProps {
  /** The model's options, already checked by the API against the field's limits and placeholders. */
  options: string[];
  /** What to say when none of the model's options fitted. */
  empty: string;
  onUse: (option: string) => void;
}

/**
 * A machine's options for a field, each with a button that puts it in the field: nothing is
 * written until a person picks one (and then only to the field; saving stays theirs).
 */
export function AssistantOptions({ options, empty, onUse }: AssistantOptionsProps) {
  const { t } = useTranslation('shared');
  return (
    <Stack gap={6} role="group" aria-label={t('assistant.suggestions')}>
      <Text size="sm" fw={500}>
        {t('assistant.suggestions')}
      </Text>
      {options.length ? (
        options.map((option, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', flex: 1 }} className="wrap-anywhere">
              {option}
            </Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => onUse(option)}
              aria-label={t('assistant.useNamed', { option })}
            >
              {t('assistant.use')}
            </Button>
          </Group>
        ))
      ) : (
        <Text size="sm">{empty}</Text>
      )}
    </Stack>
  );
}

import { Button, Group, Stack, Text } from '@mantine/core';
import { AssistantOptions } from '../../../shared/components/assistant-options';
import { useTranslation } from '../../../shared/i18n';
import { type SuggestionRequest, useDraftSuggestions } from '../hooks/use-assistant';

interface FieldSuggestionsProps {
  campaignId: string;
  request: SuggestionRequest;
  /** The button's words: "Suggest subject lines". */
  label: string;
  onUse: (option: string) => void;
}

/**
 * A field's "Suggest …" button and the model's options under it (the caller shows it only when
 * the installation has a model and the asset is saved: the API reads the saved draft).
 */
export function FieldSuggestions({ campaignId, request, label, onUse }: FieldSuggestionsProps) {
  const { t } = useTranslation('campaign-editor');
  const suggestions = useDraftSuggestions(campaignId);
  return (
    <Stack gap={6}>
      <Group>
        <Button variant="default" size="xs" loading={suggestions.isPending} onClick={() => suggestions.ask(request)}>
          {label}
        </Button>
      </Group>
      {suggestions.error ? (
        <Text size="sm" c="red.9" role="alert">
          {suggestions.error.message}
        </Text>
      ) : null}
      {suggestions.data ? (
        <AssistantOptions options={suggestions.data.options} empty={t('suggest.none')} onUse={onUse} />
      ) : null}
    </Stack>
  );
}

import { Alert, Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { $api } from '../../api/query';
import { useTranslation } from '../i18n';
import { fieldError } from '../lib/field-error';
import { AssistantOptions } from './assistant-options';

/** An editable block as the partner writes it: its name (the slot's), label and limits, as the API gives them. */
export interface EditableBlock {
  name: string;
  label?: string | null;
  /** Characters at most (the API's TEXT_BLOCK_DEFAULT_MAX_LENGTH, 600, when the slot sets none). */
  maxLength: number;
  allowLinks?: boolean;
  approval?: 'none' | 'vendor';
  fallback?: string | null;
}

/** The published campaign whose email shows the block, for the live preview and "Help me write". */
export interface BlockCampaignRef {
  campaignId: string;
  version: number;
  /** The email placing the block, and its name; null: no email to preview. */
  email: { id: string; name: string } | null;
}

interface TextBlockFieldProps {
  block: EditableBlock;
  campaign: BlockCampaignRef;
  /** Every value the launch (or subscription) gives, for the preview (a required slot the brand kit lacks). */
  slotValues: Record<string, string>;
  onChange: (value: string) => void;
  /** The API's refusal, if any: its problem at this block is shown here. */
  error: unknown;
}

/**
 * A partner's own words in an editable block (a text_block slot), in the launch wizard and in a
 * programme subscription: the text, its limits, and the email as the API renders it with the text
 * (the asset preview with ?slotValues=), refused at the field exactly as a launch would be. No
 * rendering rule lives here.
 */
export function TextBlockField({ block, campaign, slotValues, onChange, error }: TextBlockFieldProps) {
  const { t } = useTranslation('shared');
  const value = slotValues[block.name] ?? '';
  const max = block.maxLength;
  const [written] = useDebouncedValue(value, 500);
  const email = campaign.email;
  const given = Object.fromEntries(
    Object.entries({ ...slotValues, [block.name]: written }).filter(([, v]) => v.trim()),
  );
  const preview = $api.useQuery(
    'get',
    '/campaigns/{id}/versions/{version}/assets/{assetId}/preview',
    {
      params: {
        path: { id: campaign.campaignId, version: campaign.version, assetId: email?.id ?? '' },
        query: { format: 'html', slotValues: JSON.stringify(given) },
        header: { 'if-none-match': '' },
      },
      parseAs: 'text',
    },
    { enabled: !!email, placeholderData: keepPreviousData, retry: false },
  );
  const problem =
    fieldError(error, `slots.${block.name}`) ??
    fieldError(error, `slotValues.${block.name}`) ??
    fieldError(preview.error, `slots.${block.name}`);
  // "Help me write": offered only when the installation has a model; nothing is written without a click.
  const assistant = $api.useQuery('get', '/assistant');
  const help = $api.useMutation('post', '/launches/text-block-suggestions');
  const length = [...value.trim()].length;
  const id = `block-${block.name}`;
  return (
    <Stack gap={6}>
      <Textarea
        id={id}
        label={block.label ?? block.name}
        description={[
          t('textBlock.formatting'),
          block.allowLinks ? t('textBlock.linksOwnSite') : t('textBlock.noLinks'),
          block.fallback ? t('textBlock.defaultUsed') : null,
        ]
          .filter(Boolean)
          .join(' ')}
        placeholder={block.fallback ?? undefined}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={problem}
        autosize
        minRows={4}
        maxRows={12}
        aria-describedby={`${id}-count`}
      />
      <Text id={`${id}-count`} size="xs" c={length > max ? 'red.8' : 'dimmed'} aria-live="polite">
        {t('textBlock.count', { count: length, max })}
      </Text>
      {assistant.data?.enabled ? (
        <Stack gap={6}>
          <Group>
            <Button
              variant="default"
              size="xs"
              loading={help.isPending}
              onClick={() =>
                help.mutate({
                  body: {
                    campaignId: campaign.campaignId,
                    version: campaign.version,
                    slot: block.name,
                    ...(value.trim() ? { current: value } : {}),
                  },
                })
              }
            >
              {t('textBlock.help')}
            </Button>
          </Group>
          {help.error ? (
            <Text size="sm" c="red.8" role="alert">
              {help.error.message}
            </Text>
          ) : null}
          {help.data ? (
            <AssistantOptions options={help.data.options} empty={t('textBlock.noSuggestion')} onUse={onChange} />
          ) : null}
        </Stack>
      ) : null}
      {block.approval === 'vendor' ? (
        <Alert color="blue" variant="light" p="xs">
          <Text size="sm">{t('textBlock.approval')}</Text>
        </Alert>
      ) : null}
      {email && typeof preview.data === 'string' ? (
        <Box>
          <Text size="sm" fw={500} mb={4}>
            {t('textBlock.preview', { name: email.name })}
          </Text>
          <iframe
            title={t('textBlock.preview', { name: email.name })}
            srcDoc={preview.data}
            sandbox=""
            style={{ width: '100%', height: 320, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
          />
        </Box>
      ) : null}
    </Stack>
  );
}

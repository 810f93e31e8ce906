import { Alert, Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { $api } from '../../../api/query';
import { useTranslation } from '../../../shared/i18n';
import { fieldError } from '../../../shared/lib/field-error';
import type { PublishedCampaign } from '../hooks/use-campaign';

type Slot = PublishedCampaign['content']['slots'][number];

/** What a text_block without its own maxLength allows (the API's TEXT_BLOCK_DEFAULT_MAX_LENGTH). */
const DEFAULT_MAX_LENGTH = 600;

interface TextBlockFieldProps {
  campaign: PublishedCampaign;
  slot: Slot;
  /** Every value of the launch, for the preview (a required slot the brand kit lacks). */
  slotValues: Record<string, string>;
  onChange: (value: string) => void;
  /** The launch's refusal, if any: its problem at this block is shown here. */
  error: unknown;
}

/**
 * A partner's own words in an editable block (a text_block slot): the text, its limits, and the
 * email as the API renders it with the text (the asset preview with ?slotValues=), refused at the
 * field exactly as a launch would be. No rendering rule lives here.
 */
export function TextBlockField({ campaign, slot, slotValues, onChange, error }: TextBlockFieldProps) {
  const { t } = useTranslation('portal');
  const value = slotValues[slot.name] ?? '';
  const max = slot.maxLength ?? DEFAULT_MAX_LENGTH;
  const [written] = useDebouncedValue(value, 500);
  const emails = campaign.content.assets.filter((a) => 'mjml' in a);
  const email =
    emails.find((a) => 'mjml' in a && a.mjml.includes(`partner.${slot.name}`)) ?? (emails.length ? emails[0] : null);
  const given = Object.fromEntries(Object.entries({ ...slotValues, [slot.name]: written }).filter(([, v]) => v.trim()));
  const preview = $api.useQuery(
    'get',
    '/campaigns/{id}/versions/{version}/assets/{assetId}/preview',
    {
      params: {
        path: { id: campaign.id, version: campaign.version, assetId: email?.id ?? '' },
        query: { format: 'html', slotValues: JSON.stringify(given) },
        header: { 'if-none-match': '' },
      },
      parseAs: 'text',
    },
    { enabled: !!email, placeholderData: keepPreviousData, retry: false },
  );
  const problem =
    fieldError(error, `slots.${slot.name}`) ??
    fieldError(error, `slotValues.${slot.name}`) ??
    fieldError(preview.error, `slots.${slot.name}`);
  // "Help me write": offered only when the installation has a model; nothing is written without a click.
  const assistant = $api.useQuery('get', '/assistant');
  const help = $api.useMutation('post', '/launches/text-block-suggestions');
  const length = [...value.trim()].length;
  const id = `block-${slot.name}`;
  return (
    <Stack gap={6}>
      <Textarea
        id={id}
        label={slot.label ?? slot.name}
        description={[
          t('wizard.block.formatting'),
          slot.allowLinks ? t('wizard.block.linksOwnSite') : t('wizard.block.noLinks'),
          slot.fallback ? t('wizard.block.defaultUsed') : null,
        ]
          .filter(Boolean)
          .join(' ')}
        placeholder={slot.fallback ?? undefined}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={problem}
        autosize
        minRows={4}
        maxRows={12}
        aria-describedby={`${id}-count`}
      />
      <Text id={`${id}-count`} size="xs" c={length > max ? 'red.8' : 'dimmed'} aria-live="polite">
        {t('wizard.block.count', { count: length, max })}
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
                    campaignId: campaign.id,
                    version: campaign.version,
                    slot: slot.name,
                    ...(value.trim() ? { current: value } : {}),
                  },
                })
              }
            >
              {t('wizard.block.help')}
            </Button>
          </Group>
          {help.error ? (
            <Text size="sm" c="red.8" role="alert">
              {help.error.message}
            </Text>
          ) : null}
          {help.data ? (
            <Stack gap={6} role="group" aria-label={t('wizard.block.suggestions')}>
              <Text size="sm" fw={500}>
                {t('wizard.block.suggestions')}
              </Text>
              {help.data.options.length ? (
                help.data.options.map((option, i) => (
                  <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', flex: 1 }} className="wrap-anywhere">
                      {option}
                    </Text>
                    <Button size="xs" variant="light" onClick={() => onChange(option)}>
                      {t('wizard.block.useSuggestion')}
                    </Button>
                  </Group>
                ))
              ) : (
                <Text size="sm">{t('wizard.block.noSuggestion')}</Text>
              )}
            </Stack>
          ) : null}
        </Stack>
      ) : null}
      {slot.approval === 'vendor' ? (
        <Alert color="blue" variant="light" p="xs">
          <Text size="sm">{t('wizard.block.approval')}</Text>
        </Alert>
      ) : null}
      {email && typeof preview.data === 'string' ? (
        <Box>
          <Text size="sm" fw={500} mb={4}>
            {t('wizard.block.preview', { name: email.name })}
          </Text>
          <iframe
            title={t('wizard.block.preview', { name: email.name })}
            srcDoc={preview.data}
            sandbox=""
            style={{ width: '100%', height: 320, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
          />
        </Box>
      ) : null}
    </Stack>
  );
}

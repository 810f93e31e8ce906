import { Box, Radio, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useLists, useProspectCount } from '../../../shared/hooks/use-partner-lists';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { fieldError } from '../../../shared/lib/field-error';
import type { SubscriptionAudience } from '../hooks/use-subscriptions';

/** The audience as the form holds it: each choice keeps its own fields while another is chosen. */
export interface AudienceValue {
  type: SubscriptionAudience['type'];
  listId: string | null;
  search: string;
  country: string[];
}

export const audienceValue = (a: SubscriptionAudience | undefined): AudienceValue => ({
  type: a?.type ?? 'all',
  listId: a?.listId ?? null,
  search: a?.search ?? '',
  country: a?.country ?? [],
});

/** The body the API reads; what it refuses (a list not chosen, a search too long) comes back next to the field. */
export function audienceBody(v: AudienceValue): SubscriptionAudience {
  if (v.type === 'list') return { type: 'list', ...(v.listId ? { listId: v.listId } : {}) };
  if (v.type === 'filter')
    return {
      type: 'filter',
      ...(v.search.trim() ? { search: v.search.trim() } : {}),
      ...(v.country.length ? { country: v.country } : {}),
    };
  return { type: 'all' };
}

const isType = (v: string): v is AudienceValue['type'] => v === 'all' || v === 'list' || v === 'filter';

/**
 * Who each launch goes to: every prospect, a list (the partner's 200 newest), or a filter, the
 * launch wizard's choices without its CSV upload (a programme's launches start later, by themselves).
 */
export function AudienceFields({
  partnerId,
  value,
  onChange,
  error,
  label,
}: {
  partnerId: string;
  value: AudienceValue;
  onChange: (v: AudienceValue) => void;
  error: unknown;
  label?: string;
}) {
  const { t } = useTranslation('programmes');
  const format = useFormat();
  const lists = useLists(partnerId);
  const prospects = useProspectCount(partnerId);
  const items = lists.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Radio.Group
        label={label ?? t('audience.whoReceivesEach')}
        value={value.type}
        onChange={(v) => isType(v) && onChange({ ...value, type: v })}
        error={fieldError(error, 'audience') ?? fieldError(error, 'audience.type')}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="all"
            label={
              prospects.data === undefined
                ? t('audience.allMine')
                : t('audience.allMineCount', { n: format.count(prospects.data) })
            }
            description={t('audience.allMineHint')}
          />
          <Radio
            value="list"
            label={t('audience.aList')}
            disabled={!items.length}
            description={items.length ? undefined : t('audience.noList')}
          />
          <Radio value="filter" label={t('audience.aFilter')} description={t('audience.aFilterHint')} />
        </Stack>
      </Radio.Group>
      {value.type === 'all' ? null : (
        <Box pl="md" ml={8} style={{ borderLeft: '3px solid var(--mantine-color-indigo-2)' }}>
          {value.type === 'list' ? (
            <Select
              label={t('audience.listLabel')}
              placeholder={t('audience.chooseList')}
              description={t('audience.listHint')}
              data={items.map((l) => ({ value: l.id, label: `${l.name} (${format.count(l.size)})` }))}
              value={value.listId}
              onChange={(listId) => onChange({ ...value, listId })}
              error={fieldError(error, 'audience.listId')}
              allowDeselect={false}
              required
            />
          ) : (
            <Stack gap="sm">
              <TextInput
                label={t('audience.search')}
                description={t('audience.searchHint')}
                value={value.search}
                onChange={(e) => onChange({ ...value, search: e.currentTarget.value })}
                error={fieldError(error, 'audience.search')}
              />
              <TagsInput
                label={t('audience.countries')}
                description={t('audience.countriesHint')}
                value={value.country}
                onChange={(country) => onChange({ ...value, country })}
                error={fieldError(error, 'audience.country')}
                clearable
              />
            </Stack>
          )}
        </Box>
      )}
    </Stack>
  );
}

import { Box, Radio, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useLists, useProspectCount } from '../../../shared/hooks/use-partner-lists';
import { fieldError } from '../../../shared/lib/field-error';
import { format } from '../../../shared/lib/format';
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
  label = 'Who receives each launch',
}: {
  partnerId: string;
  value: AudienceValue;
  onChange: (v: AudienceValue) => void;
  error: unknown;
  label?: string;
}) {
  const lists = useLists(partnerId);
  const prospects = useProspectCount(partnerId);
  const items = lists.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Radio.Group
        label={label}
        value={value.type}
        onChange={(v) => isType(v) && onChange({ ...value, type: v })}
        error={fieldError(error, 'audience') ?? fieldError(error, 'audience.type')}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="all"
            label={
              prospects.data === undefined ? 'All my prospects' : `All my prospects (${format.count(prospects.data)})`
            }
            description="As they are when each launch starts"
          />
          <Radio
            value="list"
            label="A list"
            disabled={!items.length}
            description={items.length ? undefined : 'You have no list yet.'}
          />
          <Radio
            value="filter"
            label="A filter"
            description="Prospects by country, or by part of their email or company"
          />
        </Stack>
      </Radio.Group>
      {value.type === 'all' ? null : (
        <Box pl="md" ml={8} style={{ borderLeft: '3px solid var(--mantine-color-indigo-2)' }}>
          {value.type === 'list' ? (
            <Select
              label="List"
              placeholder="Choose a list"
              description="Your lists, the newest first."
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
                label="Email or company contains"
                description="Part of an address or a company name, any case."
                value={value.search}
                onChange={(e) => onChange({ ...value, search: e.currentTarget.value })}
                error={fieldError(error, 'audience.search')}
              />
              <TagsInput
                label="Countries"
                description="As written in your prospects’ records; press Enter after each."
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

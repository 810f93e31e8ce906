import { Box, Radio, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { components } from '../../../api/client';
import { fieldError } from '../../../shared/lib/field-error';
import { format } from '../../../shared/lib/format';
import type { PublishedCampaign } from '../hooks/use-campaign';
import type { AudienceChoice, AudienceFilter } from '../hooks/use-launch-wizard-state';
import { useAudienceMatch, type LaunchRequest } from '../hooks/use-launches';
import { LaunchCsvAudience } from './launch-csv-audience';

type ProspectList = components['schemas']['ListViewDto'];

const CHOICES: readonly AudienceChoice[] = ['all', 'list', 'filter', 'csv'];
const isChoice = (v: string): v is AudienceChoice => (CHOICES as readonly string[]).includes(v);
/** The filter is counted once typing pauses this long. */
const COUNT_AFTER_MS = 400;

interface LaunchAudienceProps {
  partnerId: string;
  campaign: PublishedCampaign;
  choice: AudienceChoice;
  onChoice: (choice: AudienceChoice) => void;
  /** Newest first. */
  lists: ProspectList[];
  listId: string | null;
  onList: (id: string | null) => void;
  prospects: number | undefined;
  filter: AudienceFilter;
  onFilter: (filter: AudienceFilter) => void;
  /** The dry run's or the launch's refusal: its audience fields show here. */
  error: unknown;
  csv: Omit<Parameters<typeof LaunchCsvAudience>[0], 'partnerId'>;
}

/** Who receives the launch: every prospect, a list, a filter (counted by the API), or a CSV uploaded here. */
export function LaunchAudience({
  partnerId,
  campaign,
  choice,
  onChoice,
  lists,
  listId,
  onList,
  prospects,
  filter,
  onFilter,
  error,
  csv,
}: LaunchAudienceProps) {
  return (
    <Stack gap="sm">
      <Radio.Group
        label="Who receives it"
        value={choice}
        onChange={(v) => isChoice(v) && onChoice(v)}
        error={fieldError(error, 'audience') ?? fieldError(error, 'audience.type')}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="all"
            label={prospects === undefined ? 'All my prospects' : `All my prospects (${format.count(prospects)})`}
          />
          <Radio
            value="list"
            label="A list"
            disabled={!lists.length}
            description={lists.length ? undefined : 'You have no list yet.'}
          />
          <Radio
            value="filter"
            label="A filter"
            description="Prospects by country, or by part of their email or company"
          />
          <Radio
            value="csv"
            label="Upload a CSV file"
            description="New prospects, imported now into a list of their own"
          />
        </Stack>
      </Radio.Group>
      {choice === 'all' ? null : (
        // The chosen option's own fields, set off under it.
        <Box pl="md" ml={8} style={{ borderLeft: '3px solid var(--mantine-color-indigo-2)' }}>
          {choice === 'list' ? (
            <Select
              label="List"
              placeholder="Choose a list"
              description="Your lists, the newest first."
              data={lists.map((l) => ({ value: l.id, label: `${l.name} (${format.count(l.size)})` }))}
              value={listId}
              onChange={onList}
              error={fieldError(error, 'audience.listId')}
              allowDeselect={false}
              required
            />
          ) : choice === 'filter' ? (
            <FilterFields campaign={campaign} filter={filter} onFilter={onFilter} error={error} />
          ) : (
            <LaunchCsvAudience partnerId={partnerId} {...csv} />
          )}
        </Box>
      )}
    </Stack>
  );
}

function FilterFields({
  campaign,
  filter,
  onFilter,
  error,
}: {
  campaign: PublishedCampaign;
  filter: AudienceFilter;
  onFilter: (f: AudienceFilter) => void;
  error: unknown;
}) {
  const [counted] = useDebouncedValue(filter, COUNT_AFTER_MS);
  const search = counted.search.trim();
  const body: LaunchRequest = {
    campaignId: campaign.id,
    version: campaign.version,
    audience: {
      type: 'filter',
      ...(search ? { search } : {}),
      ...(counted.country.length ? { country: counted.country } : {}),
    },
  };
  const match = useAudienceMatch(body);
  const problem = (path: string) => fieldError(error, path) ?? fieldError(match.error, path);
  return (
    <Stack gap="sm">
      <TextInput
        label="Email or company contains"
        description="Part of an address or a company name, any case."
        value={filter.search}
        onChange={(e) => onFilter({ ...filter, search: e.currentTarget.value })}
        error={problem('audience.search')}
      />
      <TagsInput
        label="Countries"
        description="As written in your prospects’ records; press Enter after each."
        value={filter.country}
        onChange={(country) => onFilter({ ...filter, country })}
        error={problem('audience.country')}
        clearable
      />
      <Text size="sm" role="status" aria-live="polite" fw={600}>
        {match.data
          ? `${format.count(match.data.audience)} ${match.data.audience === 1 ? 'prospect matches' : 'prospects match'}; ${format.count(match.data.enrolled)} can be emailed.`
          : match.isError
            ? 'The filter could not be counted.'
            : 'Counting the prospects who match…'}
      </Text>
    </Stack>
  );
}

import { Box, Radio, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { components } from '../../../api/client';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { fieldError } from '../../../shared/lib/field-error';
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
  const { t } = useTranslation('portal');
  const format = useFormat();
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('audience.who')}
        value={choice}
        onChange={(v) => isChoice(v) && onChoice(v)}
        error={fieldError(error, 'audience') ?? fieldError(error, 'audience.type')}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="all"
            label={
              prospects === undefined
                ? t('audience.all')
                : t('audience.allCount', { prospects: format.count(prospects) })
            }
          />
          <Radio
            value="list"
            label={t('audience.list')}
            disabled={!lists.length}
            description={lists.length ? undefined : t('audience.noList')}
          />
          <Radio value="filter" label={t('audience.filter')} description={t('audience.filterDescription')} />
          <Radio value="csv" label={t('audience.csv')} description={t('audience.csvDescription')} />
        </Stack>
      </Radio.Group>
      {choice === 'all' ? null : (
        // The chosen option's own fields, set off under it.
        <Box pl="md" ml={8} style={{ borderLeft: '3px solid var(--mantine-color-indigo-2)' }}>
          {choice === 'list' ? (
            <Select
              label={t('audience.listLabel')}
              placeholder={t('audience.chooseList')}
              description={t('audience.listDescription')}
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
  const { t } = useTranslation('portal');
  const format = useFormat();
  const problem = (path: string) => fieldError(error, path) ?? fieldError(match.error, path);
  return (
    <Stack gap="sm">
      <TextInput
        label={t('audience.contains')}
        description={t('audience.containsDescription')}
        value={filter.search}
        onChange={(e) => onFilter({ ...filter, search: e.currentTarget.value })}
        error={problem('audience.search')}
      />
      <TagsInput
        label={t('audience.countries')}
        description={t('audience.countriesDescription')}
        value={filter.country}
        onChange={(country) => onFilter({ ...filter, country })}
        error={problem('audience.country')}
        clearable
      />
      <Text size="sm" role="status" aria-live="polite" fw={600}>
        {match.data
          ? t('audience.matches', { count: match.data.audience, enrolled: format.count(match.data.enrolled) })
          : match.isError
            ? t('audience.notCounted')
            : t('audience.counting')}
      </Text>
    </Stack>
  );
}

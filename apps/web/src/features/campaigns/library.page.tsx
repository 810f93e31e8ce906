import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ClearFiltersButton, EmptyState, LoadingRows, PageControls } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams, useTypedParam } from '../../shared/hooks/use-address-params';
import { CampaignsTable } from './components/campaigns-table';
import { CreateCampaignModal } from './components/create-campaign-modal';
import { useCampaigns, type CampaignsQuery, type CampaignStatus } from './hooks/use-campaigns';

/** Campaigns per page of the library. */
const PAGE_SIZE = 25;
const STATUSES: Array<{ value: CampaignStatus; label: string }> = [
  { value: 'draft', label: 'Draft' },
  { value: 'published', label: 'Published' },
  { value: 'archived', label: 'Archived' },
];
const isStatus = (v: string | null): v is CampaignStatus => STATUSES.some((s) => s.value === v);

/** The vendor's campaigns; search, tag, language, status and page live in the address, and the API filters. */
export function LibraryPage() {
  const { params, set, clear } = useAddressParams();
  const [search, setSearch] = useTypedParam('search');
  const [tag, setTag] = useTypedParam('tag');
  const [language, setLanguage] = useTypedParam('language');
  const [creating, { open, close }] = useDisclosure(false);
  const status = params.get('status');
  const page = pageOf(params);

  const query: CampaignsQuery = {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(params.get('search') ? { search: params.get('search') ?? '' } : {}),
    ...(params.get('tag') ? { tag: params.get('tag') ?? '' } : {}),
    ...(params.get('language') ? { language: params.get('language') ?? '' } : {}),
    ...(isStatus(status) ? { status } : {}),
  };
  const campaigns = useCampaigns(query);
  const filtered = !!(query.search || query.status || query.tag || query.language);
  const pages = campaigns.data ? Math.ceil(campaigns.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageHeader title="Campaign library" description="Every campaign of yours: draft, published or archived." />
        <Button onClick={open}>New campaign</Button>
      </Group>
      <CreateCampaignModal opened={creating} onClose={close} />

      <form role="search" aria-label="Filter the campaigns" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            label="Search"
            placeholder="Campaign name"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <TextInput
            label="Tag"
            placeholder="Any tag"
            description="The exact tag"
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
          />
          <TextInput
            label="Language"
            placeholder="Any language"
            description="A tag such as en or pt-BR"
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
          />
          <Select
            label="Status"
            description="Draft, published or archived"
            placeholder="Any status"
            data={STATUSES}
            value={isStatus(status) ? status : null}
            onChange={(v) => set({ status: v })}
            clearable
            clearButtonProps={{ 'aria-label': 'Any status' }}
          />
        </SimpleGrid>
      </form>

      {campaigns.isError ? (
        <QueryError error={campaigns.error} retry={() => void campaigns.refetch()} />
      ) : campaigns.isPending ? (
        <LoadingRows label="Loading the campaigns" height={44} />
      ) : campaigns.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No campaign matches' : 'No campaign yet'}
          text={
            filtered
              ? 'Try another name, tag, language or status, or clear the filters.'
              : 'Create your first campaign: give it a name, then add its slots and emails and publish it to your partners.'
          }
          action={
            filtered ? (
              <ClearFiltersButton
                onClear={() => {
                  setSearch('');
                  setTag('');
                  setLanguage('');
                  clear();
                }}
              />
            ) : (
              <Button onClick={open}>New campaign</Button>
            )
          }
        />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {campaigns.data.total === 1 ? '1 campaign' : `${campaigns.data.total} campaigns`}
          </Text>
          <CampaignsTable campaigns={campaigns.data.items} busy={campaigns.isPlaceholderData} />
          <PageControls pages={pages} page={page} onChange={(p) => set({ page: String(p) })} />
        </>
      )}
    </Stack>
  );
}

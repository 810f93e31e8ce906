import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ClearFiltersButton, EmptyState, LoadingRows, PageControls } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams, useTypedParam } from '../../shared/hooks/use-address-params';
import { useTranslation } from '../../shared/i18n';
import { CampaignsTable } from './components/campaigns-table';
import { CreateCampaignModal } from './components/create-campaign-modal';
import { useCampaigns, type CampaignsQuery, type CampaignStatus } from './hooks/use-campaigns';

/** Campaigns per page of the library. */
const PAGE_SIZE = 25;
const STATUSES: CampaignStatus[] = ['draft', 'published', 'archived'];
const isStatus = (v: string | null): v is CampaignStatus => STATUSES.some((s) => s === v);

/** The vendor's campaigns; search, tag, language, status and page live in the address, and the API filters. */
export function LibraryPage() {
  const { t } = useTranslation('campaigns');
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
  const statuses = [
    { value: 'draft', label: t('shared:campaignStatus.draft') },
    { value: 'published', label: t('shared:campaignStatus.published') },
    { value: 'archived', label: t('shared:campaignStatus.archived') },
  ];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageHeader title={t('library.title')} description={t('library.description')} />
        <Button onClick={open}>{t('newCampaign')}</Button>
      </Group>
      <CreateCampaignModal opened={creating} onClose={close} />

      <form role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            label={t('filters.search')}
            placeholder={t('filters.searchPlaceholder')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <TextInput
            label={t('filters.tag')}
            placeholder={t('filters.tagPlaceholder')}
            description={t('filters.tagHint')}
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
          />
          <TextInput
            label={t('filters.language')}
            placeholder={t('filters.languagePlaceholder')}
            description={t('filters.languageHint')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
          />
          <Select
            label={t('filters.status')}
            description={t('filters.statusHint')}
            placeholder={t('filters.anyStatus')}
            data={statuses}
            value={isStatus(status) ? status : null}
            onChange={(v) => set({ status: v })}
            clearable
            clearButtonProps={{ 'aria-label': t('filters.anyStatus') }}
          />
        </SimpleGrid>
      </form>

      {campaigns.isError ? (
        <QueryError error={campaigns.error} retry={() => void campaigns.refetch()} />
      ) : campaigns.isPending ? (
        <LoadingRows label={t('library.loading')} height={44} />
      ) : campaigns.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t('library.noMatch') : t('library.none')}
          text={filtered ? t('library.noMatchHint') : t('library.noneHint')}
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
              <Button onClick={open}>{t('newCampaign')}</Button>
            )
          }
        />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t('library.count', { count: campaigns.data.total })}
          </Text>
          <CampaignsTable campaigns={campaigns.data.items} busy={campaigns.isPlaceholderData} />
          <PageControls pages={pages} page={page} onChange={(p) => set({ page: String(p) })} />
        </>
      )}
    </Stack>
  );
}

import { Button, Group, Pagination, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams, useTypedParam } from '../../shared/hooks/use-address-params';
import { useTranslation } from '../../shared/i18n';
import { CatalogueCardSkeleton } from './components/catalogue-card';
import { CatalogueGrid } from './components/catalogue-grid';
import { CATALOGUE_PAGE_SIZE, catalogueQueryOf, isAssetType, useCatalogue } from './hooks/use-catalogue';

export function CataloguePage() {
  return <PortalGate>{(partnerId) => <Catalogue partnerId={partnerId} />}</PortalGate>;
}

/** The filters live in the address, so a filtered catalogue can be bookmarked and shared. */
function Catalogue({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('portal');
  const assetTypes = [
    { value: 'email', label: t('assetTypes.email') },
    { value: 'pdf', label: t('assetTypes.pdf') },
    { value: 'social', label: t('assetTypes.social') },
  ];
  const { params, set, clear } = useAddressParams();
  const [search, setSearch] = useTypedParam('search');
  const tag = params.get('tag') ?? '';
  const language = params.get('language') ?? '';
  const assetType = params.get('assetType');
  const page = pageOf(params);

  const query = catalogueQueryOf(params);
  const catalogue = useCatalogue(partnerId, query);
  const filtered = !!(query.search || tag || language || query.assetType);
  const pages = catalogue.data ? Math.ceil(catalogue.data.total / CATALOGUE_PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <PageHeader title={t('catalogue.title')} description={t('catalogue.description')} />

      <form role="search" aria-label={t('catalogue.filter')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            label={t('catalogue.search')}
            placeholder={t('catalogue.searchPlaceholder')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label={t('catalogue.assetType')}
            placeholder={t('catalogue.anyAssetType')}
            data={assetTypes}
            value={isAssetType(assetType) ? assetType : null}
            onChange={(v) => set({ assetType: v })}
            clearable
          />
          <TextInput
            label={t('catalogue.tag')}
            placeholder={t('catalogue.anyTag')}
            value={tag}
            onChange={(e) => set({ tag: e.currentTarget.value.trim() || null })}
          />
          <TextInput
            label={t('catalogue.language')}
            placeholder={t('catalogue.languagePlaceholder')}
            value={language}
            onChange={(e) => set({ language: e.currentTarget.value.trim() || null })}
          />
        </SimpleGrid>
      </form>

      {catalogue.isError ? (
        <QueryError error={catalogue.error} retry={() => void catalogue.refetch()} />
      ) : catalogue.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true" aria-label={t('catalogue.loading')}>
          {Array.from({ length: 6 }, (_, i) => (
            <CatalogueCardSkeleton key={i} />
          ))}
        </SimpleGrid>
      ) : catalogue.data.items.length === 0 ? (
        <Stack gap="xs" align="flex-start" p="lg" className={classes.panel}>
          <Title order={2} size="h3">
            {filtered ? t('catalogue.noMatchTitle') : t('catalogue.emptyTitle')}
          </Title>
          <Text>{filtered ? t('catalogue.noMatch') : t('catalogue.empty')}</Text>
          {filtered ? (
            <Button
              variant="default"
              onClick={() => {
                setSearch('');
                clear();
              }}
            >
              {t('shared:lists.clearFilters')}
            </Button>
          ) : null}
        </Stack>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t('catalogue.campaigns', { count: catalogue.data.total })}
          </Text>
          <CatalogueGrid
            items={catalogue.data.items}
            busy={catalogue.isPlaceholderData}
            onTag={(t) => set({ tag: t })}
          />
          {pages > 1 ? (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => set({ page: String(p) })}
                getControlProps={(control) => ({
                  'aria-label': {
                    first: t('shared:lists.firstPage'),
                    previous: t('shared:lists.previousPage'),
                    next: t('shared:lists.nextPage'),
                    last: t('shared:lists.lastPage'),
                  }[control],
                })}
                getItemProps={(p) => ({ 'aria-label': t('shared:lists.page', { page: p }) })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

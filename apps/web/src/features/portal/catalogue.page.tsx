import { Button, Group, Pagination, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams, useTypedParam } from '../../shared/hooks/use-address-params';
import { CatalogueCard, CatalogueCardSkeleton } from './components/catalogue-card';
import { CATALOGUE_PAGE_SIZE, catalogueQueryOf, isAssetType, useCatalogue } from './hooks/use-catalogue';

/** The cards of the first row or two, whose thumbnails are fetched at once rather than when scrolled to. */
const CARDS_FIRST_SEEN = 6;
const ASSET_TYPES = [
  { value: 'email', label: 'Email' },
  { value: 'pdf', label: 'PDF' },
  { value: 'social', label: 'Social' },
];

export function CataloguePage() {
  return <PortalGate>{(partnerId) => <Catalogue partnerId={partnerId} />}</PortalGate>;
}

/** The filters live in the address, so a filtered catalogue can be bookmarked and shared. */
function Catalogue({ partnerId }: { partnerId: string }) {
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
      <PageHeader title="Catalogue" description="Campaigns you can launch, previewed with your own brand kit." />

      <form role="search" aria-label="Filter the catalogue" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            label="Search"
            placeholder="Campaign name"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label="Asset type"
            placeholder="Any"
            data={ASSET_TYPES}
            value={isAssetType(assetType) ? assetType : null}
            onChange={(v) => set({ assetType: v })}
            clearable
          />
          <TextInput
            label="Tag"
            placeholder="Any tag"
            value={tag}
            onChange={(e) => set({ tag: e.currentTarget.value.trim() || null })}
          />
          <TextInput
            label="Language"
            placeholder="e.g. en"
            value={language}
            onChange={(e) => set({ language: e.currentTarget.value.trim() || null })}
          />
        </SimpleGrid>
      </form>

      {catalogue.isError ? (
        <QueryError error={catalogue.error} retry={() => void catalogue.refetch()} />
      ) : catalogue.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true" aria-label="Loading the catalogue">
          {Array.from({ length: 6 }, (_, i) => (
            <CatalogueCardSkeleton key={i} />
          ))}
        </SimpleGrid>
      ) : catalogue.data.items.length === 0 ? (
        <Stack gap="xs" align="flex-start" p="lg" className={classes.panel}>
          <Title order={2} size="h3">
            {filtered ? 'No campaign matches these filters' : 'No campaign to launch yet'}
          </Title>
          <Text>
            {filtered
              ? 'Try another name, tag or language, or clear the filters to see every campaign you can launch.'
              : 'Your vendor has not published a campaign for your tier and region yet. Meanwhile, complete your brand kit and import your prospects, so you can launch as soon as one arrives.'}
          </Text>
          {filtered ? (
            <Button
              variant="default"
              onClick={() => {
                setSearch('');
                clear();
              }}
            >
              Clear the filters
            </Button>
          ) : null}
        </Stack>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {catalogue.data.total === 1 ? '1 campaign' : `${catalogue.data.total} campaigns`}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy={catalogue.isPlaceholderData}>
            {catalogue.data.items.map((item, index) => (
              <CatalogueCard
                key={item.campaignId}
                item={item}
                onTag={(t) => set({ tag: t })}
                firstSeen={index < CARDS_FIRST_SEEN}
              />
            ))}
          </SimpleGrid>
          {pages > 1 ? (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => set({ page: String(p) })}
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

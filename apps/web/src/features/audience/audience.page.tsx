import { Button, Grid, Group, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageControls } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams, useTypedParam } from '../../shared/hooks/use-address-params';
import { useTranslation } from '../../shared/i18n';
import { ListsPanel } from './components/lists-panel';
import { ProspectsTable } from './components/prospects-table';
import { SelectionBar } from './components/selection-bar';
import { usePartnerLists } from './hooks/use-lists';
import { useProspects, type ProspectQuery } from './hooks/use-prospects';

/** Prospects per page of the table. */
const PAGE_SIZE = 25;
const NONE = new Set<string>();

export function AudiencePage() {
  return <PortalGate>{(partnerId) => <Audience partnerId={partnerId} />}</PortalGate>;
}

/** Search, list and page live in the address, so a list's members can be linked to. */
function Audience({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('audience');
  const { params, set, clear } = useAddressParams();
  const [search, setSearch] = useTypedParam('search');
  const listId = params.get('list');
  const page = pageOf(params);
  // A selection belongs to the rows it was made on: another search, list or page starts with none.
  const rows = `${params.get('search') ?? ''}|${listId ?? ''}|${page}`;
  const [selection, setSelection] = useState({ rows, ids: new Set<string>() });
  const selected = selection.rows === rows ? selection.ids : NONE;

  const query: ProspectQuery = {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(params.get('search') ? { search: params.get('search') ?? '' } : {}),
    ...(listId ? { listId } : {}),
  };
  const prospects = useProspects(partnerId, query);
  // The filter's choices: the partner's lists by name (the panel pages through them all).
  const lists = usePartnerLists(partnerId, { limit: 200, offset: 0 });
  const shownList = lists.data?.items.find((l) => l.id === listId) ?? null;
  const filtered = !!(query.search || listId);
  const pages = prospects.data ? Math.ceil(prospects.data.total / PAGE_SIZE) : 0;
  // No prospect at all: the empty table's own call to action is the only one.
  const empty = !filtered && prospects.data?.total === 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageHeader title={t('audience.title')} description={t('audience.description')} />
        {empty ? null : (
          <Button component={Link} to="/portal/audience/import">
            {t('importCsv')}
          </Button>
        )}
      </Group>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack component="section" aria-labelledby="prospects-title" gap="md">
            <Title order={2} id="prospects-title">
              {t('prospects.title')}
            </Title>
            <form role="search" aria-label={t('prospects.filter')} onSubmit={(e) => e.preventDefault()}>
              <Group grow wrap="wrap" gap="sm" preventGrowOverflow={false}>
                <TextInput
                  label={t('prospects.search')}
                  description={t('prospects.searchHint')}
                  type="search"
                  value={search}
                  onChange={(e) => setSearch(e.currentTarget.value)}
                  miw={200}
                />
                <Select
                  label={t('prospects.list')}
                  description={t('prospects.listHint')}
                  placeholder={t('prospects.all')}
                  data={(lists.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
                  value={listId}
                  onChange={(v) => set({ list: v })}
                  clearable
                  clearButtonProps={{ 'aria-label': t('prospects.showEvery') }}
                  miw={200}
                />
              </Group>
            </form>

            {prospects.isError ? (
              <QueryError error={prospects.error} retry={() => void prospects.refetch()} />
            ) : prospects.isPending ? (
              <Stack gap="xs" aria-busy="true" aria-label={t('prospects.loading')}>
                {Array.from({ length: 5 }, (_, i) => (
                  <Skeleton key={i} height={36} />
                ))}
              </Stack>
            ) : prospects.data.items.length === 0 ? (
              <Stack gap="xs" align="flex-start" p="lg" className={classes.panel}>
                <Title order={3} size="h4">
                  {filtered ? t('prospects.noMatch') : t('prospects.none')}
                </Title>
                <Text size="sm">{filtered ? t('prospects.noMatchHint') : t('prospects.noneHint')}</Text>
                {filtered ? (
                  <Button
                    variant="default"
                    onClick={() => {
                      setSearch('');
                      clear();
                    }}
                  >
                    {t('prospects.showEvery')}
                  </Button>
                ) : (
                  <Button component={Link} to="/portal/audience/import">
                    {t('importCsv')}
                  </Button>
                )}
              </Stack>
            ) : (
              <>
                <Text size="sm" aria-live="polite">
                  {shownList && query.search
                    ? t('prospects.countInListMatching', {
                        count: prospects.data.total,
                        list: shownList.name,
                        search: query.search,
                      })
                    : shownList
                      ? t('prospects.countInList', { count: prospects.data.total, list: shownList.name })
                      : query.search
                        ? t('prospects.countMatching', { count: prospects.data.total, search: query.search })
                        : t('prospects.count', { count: prospects.data.total })}
                </Text>
                <ProspectsTable
                  prospects={prospects.data.items}
                  busy={prospects.isPlaceholderData}
                  selected={selected}
                  onSelect={(ids, on) => {
                    const next = new Set(selected);
                    for (const id of ids) {
                      if (on) next.add(id);
                      else next.delete(id);
                    }
                    setSelection({ rows, ids: next });
                  }}
                />
                {/* After the rows in the keyboard's order, and kept in sight at the window's foot while they scroll. */}
                {selected.size ? (
                  <SelectionBar
                    partnerId={partnerId}
                    selected={[...selected]}
                    lists={lists.data?.items ?? []}
                    shownList={shownList}
                    onDone={() => setSelection({ rows, ids: new Set() })}
                  />
                ) : null}
                <PageControls pages={pages} page={page} onChange={(p) => set({ page: String(p) })} />
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ListsPanel partnerId={partnerId} selectedListId={listId} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ClearFiltersButton, EmptyState, LoadingRows, PageControls } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams, useTypedParam } from '../../shared/hooks/use-address-params';
import { useMe } from '../../shared/hooks/use-me';
import { useTranslation } from '../../shared/i18n';
import { InvitePartnerModal } from './components/invite-partner-modal';
import { PartnersTable } from './components/partners-table';
import { usePartnerActivity, usePartners, type PartnersQuery } from './hooks/use-partners';

/** Partners per page. */
const PAGE_SIZE = 25;
const isStatus = (v: string | null): v is 'active' | 'suspended' => v === 'active' || v === 'suspended';

/** The vendor's partners, with their activity; invite, edit, deactivate, or open a portal as one. */
export function PartnersPage() {
  const { t } = useTranslation('partners');
  const statuses = [
    { value: 'active', label: t('status.active') },
    { value: 'suspended', label: t('status.deactivated') },
  ];
  const { params, set, clear } = useAddressParams();
  const [search, setSearch] = useTypedParam('search');
  const [inviting, { open, close }] = useDisclosure(false);
  const me = useMe();
  const admin = me.data?.role === 'vendor_admin';
  const status = params.get('status');
  const page = pageOf(params);

  const query: PartnersQuery = {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(params.get('search') ? { search: params.get('search') ?? '' } : {}),
    ...(isStatus(status) ? { status } : {}),
  };
  const partners = usePartners(query);
  const activity = usePartnerActivity();
  const filtered = !!(query.search || query.status);
  const pages = partners.data ? Math.ceil(partners.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageHeader title={t('page.title')} description={t('page.description')} />
        {admin ? <Button onClick={open}>{t('invite.title')}</Button> : null}
      </Group>
      <InvitePartnerModal opened={inviting} onClose={close} />

      <form role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('filters.search')}
            placeholder={t('fields.companyName')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label={t('table.status')}
            placeholder={t('filters.anyStatus')}
            data={statuses}
            value={isStatus(status) ? status : null}
            onChange={(v) => set({ status: v })}
            clearable
            clearButtonProps={{ 'aria-label': t('filters.anyStatus') }}
          />
        </SimpleGrid>
      </form>

      {partners.isError ? (
        <QueryError error={partners.error} retry={() => void partners.refetch()} />
      ) : partners.isPending ? (
        <LoadingRows label={t('page.loading')} height={44} />
      ) : partners.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t('empty.noMatch') : t('empty.none')}
          text={filtered ? t('empty.noMatchText') : t('empty.noneText')}
          action={
            filtered ? (
              <ClearFiltersButton
                onClear={() => {
                  setSearch('');
                  clear();
                }}
              />
            ) : null
          }
        />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t('page.count', { count: partners.data.total })}
          </Text>
          <PartnersTable
            partners={partners.data.items}
            activity={activity.data}
            admin={admin}
            busy={partners.isPlaceholderData}
          />
          <PageControls pages={pages} page={page} onChange={(p) => set({ page: String(p) })} />
        </>
      )}
    </Stack>
  );
}

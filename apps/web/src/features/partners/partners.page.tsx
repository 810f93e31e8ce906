import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ClearFiltersButton, EmptyState, LoadingRows, PageControls } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams, useTypedParam } from '../../shared/hooks/use-address-params';
import { useMe } from '../../shared/hooks/use-me';
import { InvitePartnerModal } from './components/invite-partner-modal';
import { PartnersTable } from './components/partners-table';
import { usePartnerActivity, usePartners, type PartnersQuery } from './hooks/use-partners';

/** Partners per page. */
const PAGE_SIZE = 25;
const STATUSES = [
  { value: 'active', label: 'Active' },
  { value: 'suspended', label: 'Deactivated' },
];
const isStatus = (v: string | null): v is 'active' | 'suspended' => v === 'active' || v === 'suspended';

/** The vendor's partners, with their activity; invite, edit, deactivate, or open a portal as one. */
export function PartnersPage() {
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
        <PageHeader title="Partners" description="The companies who launch your campaigns under their own brand." />
        {admin ? <Button onClick={open}>Invite a partner</Button> : null}
      </Group>
      <InvitePartnerModal opened={inviting} onClose={close} />

      <form role="search" aria-label="Filter the partners" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <TextInput
            label="Search"
            placeholder="Company name"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label="Status"
            placeholder="Any status"
            data={STATUSES}
            value={isStatus(status) ? status : null}
            onChange={(v) => set({ status: v })}
            clearable
            clearButtonProps={{ 'aria-label': 'Any status' }}
          />
        </SimpleGrid>
      </form>

      {partners.isError ? (
        <QueryError error={partners.error} retry={() => void partners.refetch()} />
      ) : partners.isPending ? (
        <LoadingRows label="Loading the partners" height={44} />
      ) : partners.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No partner matches' : 'No partner yet'}
          text={
            filtered
              ? 'Try another name or status, or clear the filters.'
              : 'Invite your first partner: it gets an email to join the partner portal.'
          }
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
            {partners.data.total === 1 ? '1 partner' : `${partners.data.total} partners`}
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

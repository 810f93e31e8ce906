import { Group, Select, Skeleton, Stack, Switch, Text, TextInput } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams } from '../../shared/hooks/use-address-params';
import { usePartnerChoices } from '../../shared/hooks/use-partner-choices';
import { useTranslation } from '../../shared/i18n';
import { SocialPostList } from './components/social-post-list';
import { useSocialPosts, type SocialDelivery } from './hooks/use-social-posts';

/** Posts per page. */
const PAGE_SIZE = 20;

/** The statuses to filter by, in the order the filter lists them. */
const STATUSES: Array<SocialDelivery['status']> = [
  'scheduled',
  'published',
  'failed',
  'uncertain',
  'waiting',
  'publishing',
  'cancelled',
];
const isStatus = (v: string | null): v is SocialDelivery['status'] => STATUSES.some((s) => s === v);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date field's day as the instant it starts in the reader's zone, `after` days later (the API takes instants). */
function dayStart(day: string | null, after = 0): string | undefined {
  if (!day || !DAY.test(day)) return undefined;
  const at = new Date(`${day}T00:00`);
  at.setDate(at.getDate() + after);
  return at.toISOString();
}

/**
 * The vendor's view of its partners' social posts, all partners or one. Posts are public, so a
 * partner keeping its contacts private still shows its posts here.
 */
export function ConsoleSocialCalendarPage() {
  const { t } = useTranslation('social-posts');
  const { params, set } = useAddressParams();
  const partners = usePartnerChoices();
  const page = pageOf(params);
  const partnerId = params.get('partner');
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  // Concierge mode, for this page's cancels only: off by default, so no Cancel button shows.
  const concierge = params.get('concierge') === '1';
  const posts = useSocialPosts({
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(partnerId ? { partnerId } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(dayStart(from) ? { from: dayStart(from) } : {}),
    // Up to and including the day chosen: before the next one starts.
    ...(dayStart(to, 1) ? { to: dayStart(to, 1) } : {}),
  });
  const pages = posts.data ? Math.ceil(posts.data.total / PAGE_SIZE) : 0;
  const statusLabel = (value: SocialDelivery['status']): string => {
    switch (value) {
      case 'scheduled':
        return t('filters.scheduled');
      case 'published':
        return t('filters.published');
      case 'failed':
        return t('filters.failed');
      case 'uncertain':
        return t('filters.uncertain');
      case 'waiting':
        return t('filters.waiting');
      case 'publishing':
        return t('filters.publishing');
      case 'cancelled':
        return t('filters.cancelled');
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('calendar.title')} description={t('console.description')} />
      <Group gap="md" align="flex-end" wrap="wrap">
        {partners.isError ? (
          <QueryError error={partners.error} retry={() => void partners.refetch()} />
        ) : (
          <Select
            label={t('filters.partner')}
            placeholder={partners.isPending ? t('filters.loadingPartners') : t('filters.allPartners')}
            searchable
            clearable
            data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.companyName }))}
            value={partnerId}
            onChange={(v) => set({ partner: v })}
            nothingFoundMessage={t('filters.noPartner')}
            w={{ base: '100%', xs: 260 }}
          />
        )}
        <Select
          label={t('filters.status')}
          placeholder={t('filters.anyStatus')}
          clearable
          data={STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
          value={isStatus(status) ? status : null}
          onChange={(v) => set({ status: v })}
          w={{ base: '100%', xs: 200 }}
        />
        {/* The two dates side by side even on a phone: they read as one range. */}
        <Group gap="md" wrap="nowrap" w={{ base: '100%', xs: 'auto' }}>
          <TextInput
            type="date"
            label={t('filters.dueFrom')}
            value={from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value })}
            w={{ base: '50%', xs: 170 }}
          />
          <TextInput
            type="date"
            label={t('filters.dueUntil')}
            value={to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value })}
            w={{ base: '50%', xs: 170 }}
          />
        </Group>
      </Group>
      <Switch
        label={t('console.conciergeMode')}
        description={t('console.conciergeDescription')}
        checked={concierge}
        onChange={(e) => set({ concierge: e.currentTarget.checked ? '1' : null })}
      />
      {posts.isError ? (
        <QueryError error={posts.error} retry={() => void posts.refetch()} />
      ) : posts.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('console.loading')}>
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} height={80} />
          ))}
        </Stack>
      ) : posts.data.items.length === 0 ? (
        <Text>{t('console.empty')}</Text>
      ) : (
        <SocialPostList
          posts={posts.data.items}
          page={page}
          pages={pages}
          onPage={(p) => set({ page: String(p) })}
          campaignHref={(id) => `/console/campaigns/${id}`}
          showPartner
          cancelAs={concierge ? 'concierge' : 'none'}
        />
      )}
    </Stack>
  );
}

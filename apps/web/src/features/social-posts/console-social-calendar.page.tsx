import { Group, Select, Skeleton, Stack, Switch, Text, TextInput } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams } from '../../shared/hooks/use-address-params';
import { usePartnerChoices } from '../../shared/hooks/use-partner-choices';
import { SocialPostList } from './components/social-post-list';
import { useSocialPosts, type SocialDelivery } from './hooks/use-social-posts';

/** Posts per page. */
const PAGE_SIZE = 20;

const STATUSES: Array<{ value: SocialDelivery['status']; label: string }> = [
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'published', label: 'Published' },
  { value: 'failed', label: 'Failed' },
  { value: 'uncertain', label: 'Checking (no answer)' },
  { value: 'waiting', label: 'Waiting (rate limit)' },
  { value: 'publishing', label: 'Publishing' },
  { value: 'cancelled', label: 'Cancelled' },
];
const isStatus = (v: string | null): v is SocialDelivery['status'] => STATUSES.some((s) => s.value === v);

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

  return (
    <Stack gap="lg">
      <PageHeader
        title="Social calendar"
        description="Your partners' scheduled, published and failed social posts, latest first, each at its partner's local time."
      />
      <Group gap="md" align="flex-end" wrap="wrap">
        {partners.isError ? (
          <QueryError error={partners.error} retry={() => void partners.refetch()} />
        ) : (
          <Select
            label="Partner"
            placeholder={partners.isPending ? 'Loading partners…' : 'All partners'}
            searchable
            clearable
            data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.companyName }))}
            value={partnerId}
            onChange={(v) => set({ partner: v })}
            nothingFoundMessage="No partner has this name"
            w={{ base: '100%', xs: 260 }}
          />
        )}
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={STATUSES}
          value={isStatus(status) ? status : null}
          onChange={(v) => set({ status: v })}
          w={{ base: '100%', xs: 200 }}
        />
        {/* The two dates side by side even on a phone: they read as one range. */}
        <Group gap="md" wrap="nowrap" w={{ base: '100%', xs: 'auto' }}>
          <TextInput
            type="date"
            label="Due from"
            value={from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value })}
            w={{ base: '50%', xs: 170 }}
          />
          <TextInput
            type="date"
            label="Due until"
            value={to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value })}
            w={{ base: '50%', xs: 170 }}
          />
        </Group>
      </Group>
      <Switch
        label="Concierge mode: cancel scheduled posts acting for their partner"
        description="Each cancel is recorded in the partner’s audit log with your name, and the partner’s users are told by email."
        checked={concierge}
        onChange={(e) => set({ concierge: e.currentTarget.checked ? '1' : null })}
      />
      {posts.isError ? (
        <QueryError error={posts.error} retry={() => void posts.refetch()} />
      ) : posts.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading social posts">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} height={80} />
          ))}
        </Stack>
      ) : posts.data.items.length === 0 ? (
        <Text>
          No social posts match. Partners post from a campaign’s “Post to social”, and programmes post for their
          subscribers.
        </Text>
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

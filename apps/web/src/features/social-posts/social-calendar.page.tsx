import { Alert, Anchor, Button, Group, Pagination, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/page-header';
import { PortalGate } from '../portal/components/portal-gate';
import { QueryError } from '../portal/components/query-error';
import { DeliveryStatus, networkName } from './components/delivery-status';
import { useCancelSocialPost, useSocialPosts, type SocialPost } from './hooks/use-social-posts';

/** Posts per page. */
const PAGE_SIZE = 20;

export function SocialCalendarPage() {
  return <PortalGate>{() => <Calendar />}</PortalGate>;
}

function Calendar() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const posts = useSocialPosts({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = posts.data ? Math.ceil(posts.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <PageHeader title="Social calendar" description="Your scheduled and published social posts, latest first, with each network's state. Failures stay here until you act." />
      {posts.isError ? (
        <QueryError error={posts.error} retry={() => void posts.refetch()} />
      ) : posts.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading your social posts">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} height={80} />
          ))}
        </Stack>
      ) : posts.data.items.length === 0 ? (
        <Stack gap="xs" align="flex-start" p="lg" bg="white" style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}>
          <Title order={2} size="h3">
            No social posts yet
          </Title>
          <Text>Open a campaign in the catalogue and choose “Post to social”.</Text>
          <Button component={Link} to="/portal">
            Open the catalogue
          </Button>
        </Stack>
      ) : (
        <>
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {posts.data.items.map((p) => (
              <PostCard key={p.id} post={p} />
            ))}
          </Stack>
          {pages > 1 ? (
            <Group justify="center">
              <Pagination total={pages} value={page} onChange={(p) => setParams({ page: String(p) })} getItemProps={(p) => ({ 'aria-label': `Page ${p}` })} />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

/** People's clicks of the post's tracked links as the API counts them (preview fetchers left out), per network when it went to several. */
function PostClicks({ post: p }: { post: SocialPost }) {
  const published = p.deliveries.filter((d) => d.status === 'published');
  if (!published.length) return null;
  const perNetwork = published.length > 1 ? ` (${published.map((d) => `${networkName(d.network)} ${d.clicks.toLocaleString('en-GB')}`).join(', ')})` : '';
  return (
    <Text size="sm">
      <Text span fw={600}>
        {p.clicks.toLocaleString('en-GB')} {p.clicks === 1 ? 'click' : 'clicks'}
      </Text>
      {perNetwork} on the post’s links
    </Text>
  );
}

function PostCard({ post: p }: { post: SocialPost }) {
  const cancel = useCancelSocialPost();
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: p.timeZone }).format(new Date(p.dueAt));
  const cancellable = !p.cancelledAt && p.deliveries.every((d) => d.status === 'scheduled' && d.attempts === 0);
  return (
    <Stack component="li" aria-label={`${p.campaignName}, ${when}`} gap={6} p="md" bg="white" style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 200px', minWidth: 0 }}>
          <Anchor component={Link} to={`/portal/campaigns/${p.campaignId}`} fw={600}>
            {p.campaignName}
          </Anchor>
          <Text size="xs">
            {p.cancelledAt ? 'Cancelled; was due' : 'Due'} {when} ({p.timeZone}){p.source === 'programme' ? ', from a programme' : ''}
          </Text>
        </Stack>
        {cancellable ? (
          <Button size="xs" variant="default" loading={cancel.isPending} onClick={() => cancel.mutate(p.id)}>
            Cancel post
          </Button>
        ) : null}
      </Group>
      <Group gap={6}>
        {p.deliveries.map((d) => (
          <DeliveryStatus key={d.id} delivery={d} />
        ))}
      </Group>
      <PostClicks post={p} />
      {p.deliveries
        .filter((d) => d.status === 'failed' || d.status === 'waiting' || d.status === 'uncertain')
        .map((d) => (
          <Text key={d.id} size="sm" c={d.status === 'failed' ? 'red.9' : 'dark.6'} style={{ overflowWrap: 'anywhere' }}>
            {networkName(d.network)}: {d.lastError ?? 'no answer yet'}
          </Text>
        ))}
      {p.deliveries
        .filter((d) => d.url)
        .map((d) => (
          <Anchor key={d.id} href={d.url ?? undefined} size="sm" target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
            View on {networkName(d.network)}
          </Anchor>
        ))}
      {cancel.isError ? (
        <Alert color="red" variant="light" title="Not cancelled">
          {cancel.error.message}
        </Alert>
      ) : null}
    </Stack>
  );
}

import { Alert, Anchor, Button, Group, Modal, Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { APP, format, formatting } from '../../../shared/lib/format';
import { networkName } from '../../../shared/lib/social-networks';
import { useCancelSocialPost, type SocialPost } from '../hooks/use-social-posts';
import { DeliveryStatus } from './delivery-status';

interface SocialPostListProps {
  posts: SocialPost[];
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** Where a post's campaign opens: the portal's page or the console's editor. */
  campaignHref: (campaignId: string) => string;
  /** The console lists every partner's posts together: each names its partner. */
  showPartner?: boolean;
  /**
   * Who may cancel a scheduled post here: the partner its own (`own`, the portal), a vendor user
   * acting for the post's partner (`concierge`, the console in concierge mode), or nobody.
   */
  cancelAs?: 'own' | 'concierge' | 'none';
}

/** The calendar's rows, shared by the partner's portal and the vendor's console. */
export function SocialPostList({
  posts,
  page,
  pages,
  onPage,
  campaignHref,
  showPartner = false,
  cancelAs = 'own',
}: SocialPostListProps) {
  return (
    <>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {posts.map((p) => (
          <PostCard key={p.id} post={p} campaignHref={campaignHref} showPartner={showPartner} cancelAs={cancelAs} />
        ))}
      </Stack>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={onPage}
            getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
          />
        </Group>
      ) : null}
    </>
  );
}

function PostCard({
  post: p,
  campaignHref,
  showPartner,
  cancelAs,
}: {
  post: SocialPost;
  campaignHref: (campaignId: string) => string;
  showPartner: boolean;
  cancelAs: 'own' | 'concierge' | 'none';
}) {
  const cancel = useCancelSocialPost();
  const [confirming, setConfirming] = useState(false);
  // The partner's own wall-clock time: the time it was scheduled in.
  const when = formatting({ ...APP, timeZone: p.timeZone }).dateTime(p.dueAt);
  // As the API decides: nothing of it published or being published (due, due again, or waiting out a rate limit).
  const cancellable = !p.cancelledAt && p.deliveries.every((d) => d.status === 'scheduled' || d.status === 'waiting');
  const name = showPartner ? `${p.partnerName}: ${p.campaignName}` : p.campaignName;
  return (
    <Stack component="li" aria-label={`${name}, ${when}`} gap={6} p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 200px', minWidth: 0 }}>
          {showPartner ? (
            <Text size="sm" fw={600}>
              {p.partnerName}
            </Text>
          ) : null}
          <Anchor component={Link} to={campaignHref(p.campaignId)} fw={600}>
            {p.campaignName}
          </Anchor>
          <Text size="xs">
            {p.cancelledAt ? 'Cancelled; was due' : 'Due'} {when} ({p.timeZone})
            {p.source === 'programme' ? ', from a programme' : ''}
          </Text>
        </Stack>
        {cancellable && cancelAs !== 'none' ? (
          <Button
            size="xs"
            variant="default"
            loading={cancel.isPending}
            onClick={() => (cancelAs === 'concierge' ? setConfirming(true) : cancel.mutate({ id: p.id }))}
          >
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
        .filter((d) => d.accountName)
        .map((d) => (
          <Text key={d.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {networkName(d.network)} as {d.accountName}
          </Text>
        ))}
      {p.deliveries
        .filter((d) => d.status === 'failed' || d.status === 'waiting' || d.status === 'uncertain')
        .map((d) => (
          <Text key={d.id} size="sm" c={d.status === 'failed' ? 'red.9' : 'dark.6'} className="wrap-anywhere">
            {networkName(d.network)}: {d.lastError ?? 'no answer yet'}
          </Text>
        ))}
      {p.deliveries
        .filter((d) => d.url)
        .map((d) => (
          <Anchor
            key={d.id}
            href={d.url ?? undefined}
            size="sm"
            target="_blank"
            rel="noreferrer"
            className="wrap-anywhere"
          >
            View on {networkName(d.network)}
          </Anchor>
        ))}
      {cancel.isError ? (
        <Alert color="red" variant="light" title="Not cancelled">
          {cancel.error.message}
        </Alert>
      ) : null}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Cancel this post acting for ${p.partnerName}?`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="md">
          <Text>
            You cancel “{p.campaignName}”, due {when}, as {p.partnerName} would. The cancel is recorded in{' '}
            {p.partnerName}’s audit log with your name, and its users are told by email.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep the post
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate({ id: p.id, actingFor: p.partnerId }, { onSettled: () => setConfirming(false) })
              }
            >
              Cancel the post
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** People's clicks of the post's tracked links as the API counts them (preview fetchers left out), per network when it went to several. */
function PostClicks({ post: p }: { post: SocialPost }) {
  const published = p.deliveries.filter((d) => d.status === 'published');
  if (!published.length) return null;
  const perNetwork =
    published.length > 1
      ? ` (${published.map((d) => `${networkName(d.network)} ${format.count(d.clicks)}`).join(', ')})`
      : '';
  return (
    <Text size="sm">
      <Text span fw={600}>
        {format.count(p.clicks)} {p.clicks === 1 ? 'click' : 'clicks'}
      </Text>
      {perNetwork} on the post’s links
    </Text>
  );
}

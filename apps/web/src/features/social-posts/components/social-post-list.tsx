import { Alert, Anchor, Button, Group, Modal, Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { Trans, useFormat, useTranslation } from '../../../shared/i18n';
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
  const { t } = useTranslation('shared');
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
            getItemProps={(p) => ({ 'aria-label': t('lists.page', { page: p }) })}
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
  const { t } = useTranslation('social-posts');
  const cancel = useCancelSocialPost();
  const [confirming, setConfirming] = useState(false);
  // The partner's own wall-clock time: the time it was scheduled in.
  const when = useFormat(p.timeZone).dateTime(p.dueAt);
  // As the API decides: nothing of it published or being published (due, due again, or waiting out a rate limit).
  const cancellable = !p.cancelledAt && p.deliveries.every((d) => d.status === 'scheduled' || d.status === 'waiting');
  const due = { when, zone: p.timeZone };
  return (
    <Stack
      component="li"
      aria-label={
        showPartner
          ? t('post.labelWithPartner', { partner: p.partnerName, campaign: p.campaignName, when })
          : t('post.label', { campaign: p.campaignName, when })
      }
      gap={6}
      p="md"
      className={classes.panel}
    >
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
            {p.source === 'programme'
              ? p.cancelledAt
                ? t('post.cancelledDueFromProgramme', due)
                : t('post.dueFromProgramme', due)
              : p.cancelledAt
                ? t('post.cancelledDue', due)
                : t('post.due', due)}
          </Text>
        </Stack>
        {cancellable && cancelAs !== 'none' ? (
          <Button
            size="xs"
            variant="default"
            loading={cancel.isPending}
            onClick={() => (cancelAs === 'concierge' ? setConfirming(true) : cancel.mutate({ id: p.id }))}
          >
            {t('post.cancel')}
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
            {t('post.postedAs', { network: networkName(d.network), account: d.accountName })}
          </Text>
        ))}
      {p.deliveries
        .filter((d) => d.status === 'failed' || d.status === 'waiting' || d.status === 'uncertain')
        .map((d) => (
          <Text key={d.id} size="sm" c={d.status === 'failed' ? 'red.9' : 'dark.6'} className="wrap-anywhere">
            {d.lastError
              ? t('post.networkError', { network: networkName(d.network), error: d.lastError })
              : t('post.noAnswerYet', { network: networkName(d.network) })}
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
            {t('post.viewOn', { network: networkName(d.network) })}
          </Anchor>
        ))}
      {cancel.isError ? (
        <Alert color="red" variant="light" title={t('post.notCancelled')}>
          {cancel.error.message}
        </Alert>
      ) : null}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('concierge.title', { partner: p.partnerName })}
        closeButtonProps={{ 'aria-label': t('concierge.close') }}
      >
        <Stack gap="md">
          <Text>{t('concierge.text', { campaign: p.campaignName, when, partner: p.partnerName })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('concierge.keep')}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate({ id: p.id, actingFor: p.partnerId }, { onSettled: () => setConfirming(false) })
              }
            >
              {t('concierge.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** People's clicks of the post's tracked links as the API counts them (preview fetchers left out), per network when it went to several. */
function PostClicks({ post: p }: { post: SocialPost }) {
  const { t } = useTranslation('social-posts');
  const format = useFormat();
  const published = p.deliveries.filter((d) => d.status === 'published');
  if (!published.length) return null;
  const values = { clicks: format.count(p.clicks) };
  const components = { strong: <Text span fw={600} /> };
  return (
    <Text size="sm">
      {published.length > 1 ? (
        <Trans
          i18nKey="clicks.perNetwork"
          t={t}
          count={p.clicks}
          values={{
            ...values,
            networks: published
              .map((d) => t('clicks.onNetwork', { network: networkName(d.network), clicks: format.count(d.clicks) }))
              .join(', '),
          }}
          components={components}
        />
      ) : (
        <Trans i18nKey="clicks.total" t={t} count={p.clicks} values={values} components={components} />
      )}
    </Text>
  );
}

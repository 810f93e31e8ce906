import { Alert, Anchor, Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error';
import { EmptyState, LoadingRows, PageControls, LoadingBlock } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams } from '../../shared/hooks/use-address-params';
import { useLists } from '../../shared/hooks/use-partner-lists';
import { useTranslation } from '../../shared/i18n';
import { EditPendingLaunchModal } from './components/edit-pending-launch-modal';
import { LaunchCurrentModal } from './components/launch-current-modal';
import { PendingLaunchCard } from './components/pending-launch-card';
import { SubscriptionModal } from './components/subscription-modal';
import { UnsubscribeModal } from './components/unsubscribe-modal';
import { audienceLabel, launchedSummary } from './format';
import { usePendingLaunch, usePendingLaunches, type PendingLaunch } from './hooks/use-pending-launches';
import { useProgrammes, type Programme } from './hooks/use-programmes';
import { useMySubscriptions, type Subscription } from './hooks/use-subscriptions';

/** Pending launches per page. */
const PAGE_SIZE = 20;
/** Programmes shown: a vendor has a handful (the API pages at most 200). */
const MOST_PROGRAMMES = 200;

export function PortalProgrammesPage() {
  return <PortalGate>{(partnerId) => <Programmes partnerId={partnerId} />}</PortalGate>;
}

/**
 * The partner's programmes: the pending launches they offer (start now, skip, edit) and the
 * programmes to subscribe to. `?pending=<id>` (the "Edit in portal" button of the programme
 * emails) shows that pending launch first.
 */
function Programmes({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('programmes');
  const { params, set } = useAddressParams();
  const focusId = params.get('pending');
  const page = pageOf(params);
  const pending = usePendingLaunches({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const programmes = useProgrammes({ limit: MOST_PROGRAMMES, offset: 0 });
  const subscriptions = useMySubscriptions();
  const lists = useLists(partnerId);
  const listName = (id: string) => lists.data?.items.find((l) => l.id === id)?.name;
  const [editing, setEditing] = useState<PendingLaunch | null>(null);
  const [subscribing, setSubscribing] = useState<{ programme: Programme; subscription: Subscription | null } | null>(
    null,
  );
  const [leaving, setLeaving] = useState<{ programme: Programme; subscription: Subscription } | null>(null);
  const [launching, setLaunching] = useState<{ programme: Programme; subscription: Subscription } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pages = pending.data ? Math.ceil(pending.data.total / PAGE_SIZE) : 0;
  const byProgramme = new Map((subscriptions.data?.items ?? []).map((s) => [s.programmeId, s]));
  /** A subscription's defaults, one fact after another. */
  const defaultsSummary = (s: Subscription): string =>
    [
      audienceLabel(t, s.audience, listName),
      s.reviewHours === 0 ? t('portal.startsAtOnce') : t('portal.hoursToReview', { count: s.reviewHours }),
      s.weeklyCap === null ? t('portal.noWeeklyCap') : t('portal.weeklyCap', { cap: s.weeklyCap }),
      s.socialNetworks.length
        ? s.socialPostWeekdaysOnly
          ? t('portal.postsAtOnWeekdays', { networks: s.socialNetworks.join(', '), time: s.socialPostTime })
          : t('portal.postsAt', { networks: s.socialNetworks.join(', '), time: s.socialPostTime })
        : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <Stack gap="lg">
      <PageHeader title={t('portal.title')} description={t('portal.description')} />

      {focusId ? (
        <FocusedPendingLaunch
          id={focusId}
          listName={listName}
          onEdit={setEditing}
          onClose={() => set({ pending: null })}
        />
      ) : null}

      <Stack gap="sm" component="section" aria-labelledby="pending-title">
        <Title order={2} size="h3" id="pending-title">
          {t('portal.pendingTitle')}
        </Title>
        {pending.isError ? (
          <QueryError error={pending.error} retry={() => void pending.refetch()} />
        ) : pending.isPending ? (
          <LoadingRows label={t('portal.loadingPending')} height={96} />
        ) : pending.data.items.length === 0 ? (
          <EmptyState order={3} title={t('portal.nothingWaiting')} text={t('portal.nothingWaitingText')} />
        ) : (
          <>
            <Stack gap="sm" aria-busy={pending.isPlaceholderData}>
              {pending.data.items
                .filter((p) => p.id !== focusId)
                .map((p) => (
                  <PendingLaunchCard key={p.id} pending={p} listName={listName} onEdit={setEditing} />
                ))}
            </Stack>
            <PageControls pages={pages} page={page} onChange={(p) => set({ page: String(p) })} />
          </>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="programmes-title">
        <Title order={2} size="h3" id="programmes-title">
          {t('portal.programmesTitle')}
        </Title>
        {notice ? (
          <Alert
            color="indigo"
            variant="light"
            withCloseButton
            closeButtonLabel={t('portal.dismiss')}
            onClose={() => setNotice(null)}
            role="status"
          >
            {notice}
          </Alert>
        ) : null}
        {programmes.isError ? (
          <QueryError error={programmes.error} retry={() => void programmes.refetch()} />
        ) : programmes.isPending || subscriptions.isPending ? (
          <LoadingRows label={t('loadingProgrammes')} height={72} />
        ) : programmes.data.items.length === 0 ? (
          <EmptyState
            order={3}
            title={t('noProgramme')}
            text={t('portal.noProgrammeText')}
            action={
              <Button component={Link} to="/portal" variant="default">
                {t('portal.openCatalogue')}
              </Button>
            }
          />
        ) : (
          programmes.data.items.map((programme) => {
            const subscription = byProgramme.get(programme.id) ?? null;
            return (
              <Stack
                key={programme.id}
                component="article"
                aria-labelledby={`programme-${programme.id}`}
                gap={6}
                p="md"
                className={classes.panel}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Title order={3} size="h4" id={`programme-${programme.id}`} style={{ minWidth: 0 }}>
                    {programme.name}
                  </Title>
                  {subscription ? (
                    <Badge color="teal.9" variant="filled" style={{ flexShrink: 0 }}>
                      {t('portal.subscribed')}
                    </Badge>
                  ) : null}
                </Group>
                {programme.description ? <Text size="sm">{programme.description}</Text> : null}
                {subscription ? <Text size="xs">{defaultsSummary(subscription)}</Text> : null}
                <Group gap="sm" mt={4}>
                  {subscription ? (
                    <>
                      <Button
                        size="sm"
                        variant="light"
                        onClick={() => setLaunching({ programme, subscription })}
                        aria-label={t('portal.launchCurrentOf', { programme: programme.name })}
                      >
                        {t('portal.launchCurrent')}
                      </Button>
                      <Button
                        size="sm"
                        variant="default"
                        onClick={() => setSubscribing({ programme, subscription })}
                        aria-label={t('portal.editDefaultsFor', { programme: programme.name })}
                      >
                        {t('portal.editDefaults')}
                      </Button>
                      <Button
                        size="sm"
                        variant="outline"
                        color="red.9"
                        onClick={() => setLeaving({ programme, subscription })}
                        aria-label={t('portal.unsubscribeFrom', { programme: programme.name })}
                      >
                        {t('unsubscribe.confirm')}
                      </Button>
                    </>
                  ) : (
                    <Button
                      size="sm"
                      onClick={() => setSubscribing({ programme, subscription: null })}
                      aria-label={t('portal.subscribeTo', { programme: programme.name })}
                    >
                      {t('subscription.subscribe')}
                    </Button>
                  )}
                </Group>
              </Stack>
            );
          })
        )}
      </Stack>

      {subscribing ? (
        <SubscriptionModal
          partnerId={partnerId}
          programme={subscribing.programme}
          subscription={subscribing.subscription}
          onClose={() => setSubscribing(null)}
        />
      ) : null}
      {editing ? (
        <EditPendingLaunchModal partnerId={partnerId} pending={editing} onClose={() => setEditing(null)} />
      ) : null}
      {launching ? (
        <LaunchCurrentModal
          subscription={launching.subscription}
          programmeName={launching.programme.name}
          audience={audienceLabel(t, launching.subscription.audience, listName)}
          onClose={() => setLaunching(null)}
          onDone={(items) => {
            setNotice(launchedSummary(t, launching.programme.name, items));
            setLaunching(null);
          }}
        />
      ) : null}
      {leaving ? (
        <UnsubscribeModal
          subscription={leaving.subscription}
          programmeName={leaving.programme.name}
          onClose={() => setLeaving(null)}
          onDone={(cancelled) => {
            setNotice(t('portal.unsubscribed', { programme: leaving.programme.name, count: cancelled }));
            setLeaving(null);
          }}
        />
      ) : null}
    </Stack>
  );
}

/** The pending launch an email's "Edit in portal" button names, first and set off, scrolled to once loaded. */
function FocusedPendingLaunch({
  id,
  listName,
  onEdit,
  onClose,
}: {
  id: string;
  listName: (id: string) => string | undefined;
  onEdit: (p: PendingLaunch) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('programmes');
  const pending = usePendingLaunch(id);
  const loaded = !!pending.data;
  useEffect(() => {
    if (loaded) document.getElementById(`pending-${id}`)?.scrollIntoView({ block: 'center' });
  }, [loaded, id]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="focused-title">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3" id="focused-title">
          {t('focused.title')}
        </Title>
        <Anchor component="button" type="button" size="sm" onClick={onClose}>
          {t('focused.showAll')}
        </Anchor>
      </Group>
      {pending.isPending ? (
        <LoadingBlock height={120} label={t('focused.loading')} />
      ) : pending.isError ? (
        <Alert
          color="red"
          variant="light"
          title={
            pending.error instanceof ApiError && pending.error.status === 404
              ? t('focused.notFound')
              : t('shared:errors.notLoaded')
          }
        >
          {pending.error instanceof ApiError && pending.error.status === 404
            ? t('focused.notFoundText')
            : pending.error.message}
        </Alert>
      ) : (
        <Box>
          <PendingLaunchCard pending={pending.data} listName={listName} onEdit={onEdit} highlighted />
        </Box>
      )}
    </Stack>
  );
}

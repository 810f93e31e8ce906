import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { PageControls, LoadingBlock } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useSignOut } from '../hooks/use-session';
import { useRevokeSession, useSessions, type UserSession } from '../hooks/use-sessions';

/** Sessions per page of the panel. */
const PAGE_SIZE = 10;

/** Where the user is signed in: this browser and the others, each of which can be ended; or all of them at once. */
export function SessionsPanel() {
  const { t } = useTranslation('session');
  const [page, setPage] = useState(1);
  const sessions = useSessions({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const everywhere = useSignOut(true);
  const pages = sessions.data ? Math.ceil(sessions.data.total / PAGE_SIZE) : 0;

  return (
    <Stack component="section" aria-labelledby="sessions-title" gap="md">
      <Stack gap={4}>
        <Title order={2} id="sessions-title">
          {t('sessions.title')}
        </Title>
        <Text size="sm">{t('sessions.description')}</Text>
      </Stack>
      {sessions.isError ? (
        <QueryError error={sessions.error} retry={() => void sessions.refetch()} />
      ) : sessions.isPending ? (
        <LoadingBlock height={96} label={t('sessions.loading')} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('sessions.list')}>
          {sessions.data.items.map((s) => (
            <SessionItem key={s.id} session={s} />
          ))}
        </Stack>
      )}
      <PageControls pages={pages} page={page} onChange={setPage} />
      {everywhere.error ? (
        <Alert color="red" variant="light" role="alert">
          {everywhere.error.message}
        </Alert>
      ) : null}
      <div>
        <Button
          variant="outline"
          color="red.9"
          loading={everywhere.isPending}
          // Signed out, the hook opens the sign-in page; a refusal is shown above the button.
          onClick={() => everywhere.mutate()}
        >
          {t('signOutEverywhere')}
        </Button>
      </div>
    </Stack>
  );
}

function SessionItem({ session: s }: { session: UserSession }) {
  const { t } = useTranslation('session');
  const format = useFormat();
  const revoke = useRevokeSession();
  const started = format.dateTime(s.createdAt);
  const agent = s.userAgent ?? t('sessions.unknownBrowser');
  return (
    <Stack
      component="li"
      gap={6}
      p="sm"
      className={classes.panel}
      aria-label={s.current ? t('sessions.thisBrowser') : t('sessions.startedAt', { started })}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {s.current ? t('sessions.thisBrowser') : t('sessions.otherBrowser')}
            </Text>
            {s.current ? (
              <Badge variant="filled" color="teal.9" size="sm">
                {t('sessions.current')}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" lineClamp={2} className="wrap-anywhere">
            {s.ipAddress ? t('sessions.agentFrom', { agent, address: s.ipAddress }) : agent}
          </Text>
          <Text size="xs">{t('sessions.signedInLastUsed', { started, lastUsed: format.dateTime(s.lastSeenAt) })}</Text>
        </Stack>
        {s.current ? null : (
          <Button
            size="xs"
            variant="default"
            style={{ flexShrink: 0 }}
            loading={revoke.isPending}
            aria-label={t('sessions.endStartedAt', { started })}
            onClick={() =>
              revoke.mutate(s.id, {
                onSuccess: () => notifications.show({ message: t('sessions.ended'), color: 'teal' }),
              })
            }
          >
            {t('sessions.end')}
          </Button>
        )}
      </Group>
      {revoke.error ? (
        <Text size="xs" c="red.8" role="alert">
          {revoke.error.message}
        </Text>
      ) : null}
    </Stack>
  );
}

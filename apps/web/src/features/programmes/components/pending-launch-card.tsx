import { Alert, Anchor, Badge, Box, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { formError } from '../../../shared/lib/field-error';
import { audienceLabel, reasonLabel, STATE_COLOR, stateLabel } from '../format';
import { OPEN_STATES, usePendingLaunchAction, type PendingLaunch } from '../hooks/use-pending-launches';

interface PendingLaunchCardProps {
  pending: PendingLaunch;
  listName: (id: string) => string | undefined;
  onEdit: (pending: PendingLaunch) => void;
  /** The one the email's "Edit in portal" link names: set off from the others. */
  highlighted?: boolean;
}

/** Where a missing item is fixed: the brand kit for its fields, the sending settings' sender in the brand kit too. */
const fixFor = (path: string) =>
  path.startsWith('brandKit.') ? `/portal/brand-kit#${path.slice('brandKit.'.length)}` : null;

/** One pending launch: what, which version, when it starts by itself, what it waits for, and its actions while open. */
export function PendingLaunchCard({ pending: p, listName, onEdit, highlighted = false }: PendingLaunchCardProps) {
  const { t } = useTranslation('programmes');
  const { dateTime } = useFormat();
  const action = usePendingLaunchAction();
  const open = OPEN_STATES.has(p.state);
  const headingId = `pending-${p.id}-title`;
  const reason = reasonLabel(t, p.reason);
  const what = { campaign: p.campaignName, version: p.version };
  const state =
    p.state === 'pending'
      ? t('pending.startsAt', { when: dateTime(p.dueAt) })
      : p.state === 'waiting_readiness'
        ? t('pending.waitsCheckedAt', { when: dateTime(p.dueAt) })
        : p.state === 'started'
          ? t('state.started')
          : reason
            ? t('pending.closedBecause', { state: stateLabel(t, p.state), reason })
            : stateLabel(t, p.state);
  const problem = formError(action.error, []);
  return (
    <Stack
      component="article"
      id={`pending-${p.id}`}
      aria-labelledby={headingId}
      gap="xs"
      p="md"
      className={classes.panel}
      // The one the address points to stands out.
      style={highlighted ? { border: '2px solid var(--mantine-color-indigo-6)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Box style={{ minWidth: 0 }}>
          <Title order={3} size="h4" id={headingId}>
            {t('pending.title', what)}
          </Title>
          <Text size="xs">{t('pending.programme', { programme: p.programmeName })}</Text>
        </Box>
        <Badge color={STATE_COLOR[p.state]} variant="filled" style={{ flexShrink: 0 }}>
          {stateLabel(t, p.state)}
        </Badge>
      </Group>
      <Text size="sm">{[state, audienceLabel(t, p.audience, listName)].join(' · ')}</Text>
      {p.missing.length ? (
        <Alert
          color="orange"
          variant="light"
          title={t('pending.missing')}
          styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
        >
          <List size="sm" spacing={4}>
            {p.missing.map((m) => {
              const fix = fixFor(m.path);
              return (
                <List.Item key={`${m.code}-${m.path}`}>
                  {m.message}
                  {fix ? (
                    <>
                      {' '}
                      <Anchor component={Link} to={fix} size="sm">
                        {t('pending.fixIt')}
                      </Anchor>
                    </>
                  ) : null}
                </List.Item>
              );
            })}
          </List>
        </Alert>
      ) : null}
      {problem ? (
        <Alert color="red" variant="light" role="alert" title={t('pending.notChanged')}>
          <Text size="sm">{problem}</Text>
        </Alert>
      ) : null}
      {open ? (
        <Group gap="sm">
          <Button
            size="sm"
            loading={action.isPending && action.variables?.action === 'launch'}
            onClick={() => action.mutate({ id: p.id, action: 'launch' })}
            aria-label={t('pending.startLabel', what)}
          >
            {t('pending.start')}
          </Button>
          <Button
            size="sm"
            variant="default"
            loading={action.isPending && action.variables?.action === 'skip'}
            onClick={() => action.mutate({ id: p.id, action: 'skip' })}
            aria-label={t('pending.skipLabel', what)}
          >
            {t('pending.skip')}
          </Button>
          <Button size="sm" variant="subtle" onClick={() => onEdit(p)} aria-label={t('pending.editLabel', what)}>
            {t('pending.edit')}
          </Button>
        </Group>
      ) : p.launchId ? (
        <div>
          <Anchor component={Link} to={`/portal/launches/${p.launchId}`} size="sm">
            {t('pending.openLaunch')}
          </Anchor>
        </div>
      ) : null}
    </Stack>
  );
}

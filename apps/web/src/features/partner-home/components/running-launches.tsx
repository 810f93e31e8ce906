import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { useFormat, useTranslation } from '../../../shared/i18n';
import type { PartnerHome } from '../hooks/use-partner-home';
import { Section } from '../../../shared/components/section';

type Launch = PartnerHome['runningLaunches'][number];

/** The partner's running launches with their figures so far: each opens its launch page. */
export function RunningLaunches({ items, total }: { items: Launch[]; total: number }) {
  const { t } = useTranslation('partner-home');
  const format = useFormat();
  const statusLabel = (status: Launch['status']) =>
    status === 'enrolling'
      ? t('running.enrolling')
      : status === 'paused'
        ? t('running.paused')
        : status === 'active'
          ? t('running.active')
          : status;
  return (
    <Section
      id="home-running"
      title={t('running.title')}
      more={total > items.length ? { to: '/portal/launches', label: t('running.all', { count: total }) } : undefined}
    >
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((l) => (
          <Stack component="li" key={l.id} gap={4} p="sm" className={classes.panel}>
            <Group gap="xs" justify="space-between">
              <Anchor component={Link} to={`/portal/launches/${l.id}`} fw={600}>
                {l.campaignName}
              </Anchor>
              <Badge variant="light" color={l.status === 'paused' ? 'gray' : 'indigo'}>
                {statusLabel(l.status)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('running.figures', {
                sent: format.count(l.sent),
                opened: format.count(l.opened),
                clicked: format.count(l.clicked),
                started: format.date(l.startAt),
              })}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

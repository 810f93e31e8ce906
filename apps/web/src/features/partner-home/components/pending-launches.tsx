import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { useFormat, useTranslation } from '../../../shared/i18n';
import type { PartnerHome } from '../hooks/use-partner-home';
import { Section } from '../../../shared/components/section';

/** Programme launches waiting for the partner's review, soonest due first: each opens in the programmes page. */
export function PendingLaunches({ items, total }: { items: PartnerHome['pendingLaunches']; total: number }) {
  const { t } = useTranslation('partner-home');
  const format = useFormat();
  return (
    <Section
      id="home-pending"
      title={t('pending.title', { count: total })}
      more={total > items.length ? { to: '/portal/programmes', label: t('pending.all') } : undefined}
    >
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((p) => (
          <Stack component="li" key={p.id} gap={2} p="sm" className={classes.panel}>
            <Anchor component={Link} to={`/portal/programmes?pending=${p.id}`} fw={600}>
              {t('pending.review', { campaign: p.campaignName })}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('pending.due', { programme: p.programmeName, when: format.dateTime(p.dueAt) })}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

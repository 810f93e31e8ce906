import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { Section } from '../../../shared/components/section';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useWaitingReviews } from '../hooks/use-vendor-home';

/** Drafts waiting for an approver, oldest first, each opening its review; nothing while none waits. */
export function WaitingReviews() {
  const { t } = useTranslation('vendor-home');
  const format = useFormat();
  const waiting = useWaitingReviews();
  if (!waiting.data?.total) return null;
  return (
    <Section
      id="home-reviews"
      title={t('reviews.title')}
      description={t('reviews.description', { count: waiting.data.total })}
    >
      <Stack component="ul" gap={0} p="md" m={0} className={classes.panel} style={{ listStyle: 'none' }}>
        {waiting.data.items.map((item, i) => (
          <Stack
            component="li"
            key={item.id}
            gap={2}
            py={8}
            style={i ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
          >
            <Anchor component={Link} to={`/console/campaigns/${item.campaignId}?review=${item.id}`} fw={600} size="sm">
              {item.campaignName}
            </Anchor>
            <Text size="sm" c="dimmed" className="wrap-anywhere">
              {item.requestedBy
                ? t('reviews.askedBy', { name: item.requestedBy, when: format.dateTime(item.requestedAt) })
                : t('reviews.asked', { when: format.dateTime(item.requestedAt) })}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

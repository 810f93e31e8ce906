import { Badge } from '@mantine/core';
import { networkName } from '../../../shared/lib/social-networks';
import type { SocialDelivery } from '../hooks/use-social-posts';

const LOOK: Record<SocialDelivery['status'], { label: string; color: string }> = {
  scheduled: { label: 'Scheduled', color: 'blue' },
  publishing: { label: 'Publishing', color: 'blue' },
  published: { label: 'Published', color: 'green' },
  uncertain: { label: 'Checking', color: 'yellow' },
  waiting: { label: 'Waiting (rate limit)', color: 'yellow' },
  failed: { label: 'Failed', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/** One network's state of a post, in words and colour (the words carry it; the colour only helps). */
export function DeliveryStatus({ delivery }: { delivery: SocialDelivery }) {
  const look = LOOK[delivery.status];
  return (
    <Badge variant="light" color={look.color} tt="none" c="dark.8">
      {networkName(delivery.network)}: {look.label}
    </Badge>
  );
}

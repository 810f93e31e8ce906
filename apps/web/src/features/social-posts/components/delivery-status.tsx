import { Badge } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import { networkName } from '../../../shared/lib/social-networks';
import type { SocialDelivery } from '../hooks/use-social-posts';

const COLOR: Record<SocialDelivery['status'], string> = {
  scheduled: 'blue',
  publishing: 'blue',
  published: 'green',
  uncertain: 'yellow',
  waiting: 'yellow',
  failed: 'red',
  cancelled: 'gray',
};

/** One network's state of a post, in words and colour (the words carry it; the colour only helps). */
export function DeliveryStatus({ delivery }: { delivery: SocialDelivery }) {
  const { t } = useTranslation('social-posts');
  const network = networkName(delivery.network);
  const label = (): string => {
    switch (delivery.status) {
      case 'scheduled':
        return t('delivery.scheduled', { network });
      case 'publishing':
        return t('delivery.publishing', { network });
      case 'published':
        return t('delivery.published', { network });
      case 'uncertain':
        return t('delivery.uncertain', { network });
      case 'waiting':
        return t('delivery.waiting', { network });
      case 'failed':
        return t('delivery.failed', { network });
      case 'cancelled':
        return t('delivery.cancelled', { network });
    }
  };
  return (
    <Badge variant="light" color={COLOR[delivery.status]} tt="none" c="dark.8">
      {label()}
    </Badge>
  );
}

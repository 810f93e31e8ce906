import { Badge } from '@mantine/core';
import type { components } from '../../api/client';
import { useTranslation } from '../i18n';

type CampaignView = components['schemas']['CampaignViewDto'];

const COLORS: Record<CampaignView['status'], string> = { draft: 'gray.7', published: 'teal.9', archived: 'gray.8' };

/** The campaign's status, and whether a published one has changes not yet published. */
export function CampaignStatusBadge({
  campaign,
}: {
  campaign: Pick<CampaignView, 'status' | 'draft' | 'latestVersion'>;
}) {
  const { t } = useTranslation('shared');
  const pending = campaign.status === 'published' && campaign.draft !== null;
  const label = {
    draft: t('campaignStatus.draft'),
    published: pending ? t('campaignStatus.publishedWithChanges') : t('campaignStatus.published'),
    archived: t('campaignStatus.archived'),
  }[campaign.status];
  return (
    <Badge
      color={COLORS[campaign.status]}
      variant={campaign.status === 'draft' ? 'outline' : 'filled'}
      tt="none"
      // "Published, changes pending" wraps on a phone's narrow table column instead of widening the page.
      h="auto"
      py={2}
      radius="sm"
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'center' } }}
    >
      {label}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import type { components } from '../../api/client';

type CampaignView = components['schemas']['CampaignViewDto'];

const LOOKS: Record<CampaignView['status'], { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray.7' },
  published: { label: 'Published', color: 'teal.9' },
  archived: { label: 'Archived', color: 'gray.8' },
};

/** The campaign's status, and whether a published one has changes not yet published. */
export function CampaignStatusBadge({
  campaign,
}: {
  campaign: Pick<CampaignView, 'status' | 'draft' | 'latestVersion'>;
}) {
  const look = LOOKS[campaign.status];
  const pending = campaign.status === 'published' && campaign.draft !== null;
  return (
    <Badge color={look.color} variant={campaign.status === 'draft' ? 'outline' : 'filled'} tt="none" miw="max-content">
      {pending ? `${look.label}, changes pending` : look.label}
    </Badge>
  );
}

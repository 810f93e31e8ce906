import { Anchor, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { CampaignStatusBadge } from '../../shared/components/campaign-status-badge';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { useAddressParams } from '../../shared/hooks/use-address-params';
import { useTranslation } from '../../shared/i18n';
import { AssetsTab } from './assets/assets-tab';
import { DrawnAssetsSection } from './assets/drawn-assets-section';
import { DetailsTab } from './details/details-tab';
import { useEditedCampaign } from './hooks/use-edited-campaign';
import { LanguagesTab } from './languages/languages-tab';
import { PublishTab } from './publish/publish-tab';
import { usePublishingPolicy } from './publish/use-reviews';
import { SequenceTab } from './sequence/sequence-tab';
import { SlotsTab } from './slots/slots-tab';

const TABS = ['details', 'slots', 'assets', 'sequence', 'languages', 'publish'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.some((t) => t === v);

/** A campaign's draft, one tab per part; the tab is kept in the address. */
export function CampaignEditorPage() {
  const { t } = useTranslation('campaign-editor');
  const { campaignId = '' } = useParams();
  const { params, set } = useAddressParams();
  const edited = useEditedCampaign(campaignId);
  // An approver reads what others author: the API says so, and its review is on the Publish tab.
  const policy = usePublishingPolicy();
  const reader = policy.data?.mayEdit === false;
  // The approvers' email links to ?review=<id>: the review is on the Publish tab too.
  const tab = params.get('tab') ?? (params.get('review') || reader ? 'publish' : null);

  if (edited.isError) return <QueryError error={edited.error} retry={() => void edited.refetch()} />;
  if (edited.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('page.loading')}>
        <Skeleton height={32} width={320} />
        <Skeleton height={240} />
      </Stack>
    );
  }
  const { campaign, content } = edited.data;
  const archived = campaign.status === 'archived';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/console" size="sm">
        {t('page.allCampaigns')}
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PageHeader title={campaign.name} description={content.description || undefined} />
        <Group gap="xs">
          <CampaignStatusBadge campaign={campaign} />
          <Text size="sm" c="dimmed">
            {campaign.latestVersion === null
              ? t('page.neverPublished', { revision: campaign.revision })
              : t('page.published', { version: campaign.latestVersion, revision: campaign.revision })}
          </Text>
        </Group>
      </Group>
      {archived ? <Text>{t('page.archived')}</Text> : null}
      {reader && !archived ? <Text>{t('page.reader')}</Text> : null}

      <Tabs
        value={isTab(tab) ? tab : 'details'}
        onChange={(v) => set({ tab: v === 'details' ? null : v, review: null })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('page.parts')}>
          <Tabs.Tab value="details">{t('tabs.details')}</Tabs.Tab>
          <Tabs.Tab value="slots">{t('tabs.slots')}</Tabs.Tab>
          <Tabs.Tab value="assets">{t('tabs.assets')}</Tabs.Tab>
          <Tabs.Tab value="sequence">{t('tabs.sequence')}</Tabs.Tab>
          <Tabs.Tab value="languages">{t('tabs.languages')}</Tabs.Tab>
          <Tabs.Tab value="publish">{t('tabs.publish')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="lg">
          <DetailsTab edited={edited.data} />
        </Tabs.Panel>
        <Tabs.Panel value="slots" pt="lg">
          <SlotsTab edited={edited.data} />
        </Tabs.Panel>
        <Tabs.Panel value="assets" pt="lg">
          <AssetsTab edited={edited.data} />
          <DrawnAssetsSection edited={edited.data} />
        </Tabs.Panel>
        <Tabs.Panel value="sequence" pt="lg">
          <SequenceTab edited={edited.data} />
        </Tabs.Panel>
        <Tabs.Panel value="languages" pt="lg">
          <LanguagesTab edited={edited.data} />
        </Tabs.Panel>
        <Tabs.Panel value="publish" pt="lg">
          <PublishTab edited={edited.data} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

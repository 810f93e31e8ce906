import { Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { Trans, useTranslation } from '../../shared/i18n';
import { AssetPreviews } from './components/asset-previews';
import { LaunchWizard } from './components/launch-wizard';
import { PostToSocial } from './components/post-to-social';
import { ReadinessPanel } from './components/readiness-panel';
import { useCampaign, useReadiness } from './hooks/use-campaign';

export function CampaignPage() {
  const { campaignId = '' } = useParams();
  return <PortalGate>{(partnerId) => <Campaign partnerId={partnerId} campaignId={campaignId} />}</PortalGate>;
}

function Campaign({ partnerId, campaignId }: { partnerId: string; campaignId: string }) {
  const { t } = useTranslation('portal');
  const campaign = useCampaign(campaignId);
  const readiness = useReadiness(partnerId, campaignId);
  const [wizard, { open, close }] = useDisclosure(false);
  const [social, socialDialog] = useDisclosure(false);

  if (campaign.isError) return <QueryError error={campaign.error} retry={() => void campaign.refetch()} />;
  if (readiness.isError) return <QueryError error={readiness.error} retry={() => void readiness.refetch()} />;
  if (campaign.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('campaign.loading')}>
        <Skeleton height={32} width="50%" />
        <Skeleton height={16} width="70%" />
        <Skeleton height={320} />
      </Stack>
    );
  }
  const c = campaign.data;
  // Only an item the API marks blocking, and that the launch form cannot fill (a slot value), holds the launch back.
  const blocked = !!readiness.data?.items.some((i) => i.blocking && !i.path.startsWith('slots.'));

  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans
          i18nKey="campaign.breadcrumb"
          t={t}
          values={{ name: c.name }}
          components={{ parent: <Link to="/portal" /> }}
        />
      </Text>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} style={{ flex: '1 1 320px' }}>
          <PageHeader title={c.name} description={c.content.description} />
          <Group gap={6}>
            <Badge variant="outline" color="gray.8">
              {c.content.language}
            </Badge>
            {c.content.tags.map((tag) => (
              <Badge key={tag} variant="dot" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
            <Text size="sm">{t('campaign.version', { version: c.version })}</Text>
          </Group>
        </Stack>
        <Group gap="sm">
          {c.content.assets.some((a) => 'image' in a && 'copy' in a) ? (
            <Button size="lg" variant="default" onClick={socialDialog.open}>
              {t('campaign.postToSocial')}
            </Button>
          ) : null}
          <Button size="lg" onClick={open} disabled={readiness.isPending || blocked}>
            {t('campaign.launch')}
          </Button>
        </Group>
      </Group>

      <section aria-labelledby="readiness-title">
        <Title order={2} id="readiness-title" mb="xs">
          {t('campaign.readiness')}
        </Title>
        <ReadinessPanel readiness={readiness.data} pending={readiness.isPending} />
      </section>

      <section aria-labelledby="previews-title">
        <Title order={2} id="previews-title" mb="xs">
          {t('campaign.previews')}
        </Title>
        <AssetPreviews campaign={c} />
      </section>

      <PostToSocial opened={social} onClose={socialDialog.close} campaignId={c.id} />
      <LaunchWizard opened={wizard} onClose={close} partnerId={partnerId} campaign={c} readiness={readiness.data} />
    </Stack>
  );
}

import { SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { useCapabilities } from '../../shared/hooks/use-session';
import { useTranslation } from '../../shared/i18n';
import { IdlePartners } from './components/idle-partners';
import { Network, Results } from './components/network';
import { Revenue } from './components/revenue';
import { SendingHealth } from './components/sending-health';
import { TopCampaigns } from './components/top-campaigns';
import { WaitingLaunchApprovals } from './components/waiting-launch-approvals';
import { WaitingReviews } from './components/waiting-reviews';
import { useVendorHome } from './hooks/use-vendor-home';

/**
 * Where a vendor user starts: the reviews waiting, and for who markets the network at a glance, the
 * campaigns that work, the revenue they influenced, the partners to nudge, the mail's health.
 */
export function VendorHomePage() {
  const { t } = useTranslation('vendor-home');
  // The network's figures are for who markets; an approver's home is the reviews waiting for it.
  const { vendorMarketing, vendorSettings, vendorConsole } = useCapabilities();
  // Partners' texts are approved by the vendor's approvers and admins (the API's rule; it refuses others).
  const approves = vendorSettings || (vendorConsole && !vendorMarketing);
  const home = useVendorHome(vendorMarketing);
  return (
    <Stack gap="xl">
      <PageHeader title={t('title')} description={vendorMarketing ? t('description') : t('reviewerDescription')} />
      <WaitingReviews />
      <WaitingLaunchApprovals enabled={approves} />
      {!vendorMarketing ? null : home.isError ? (
        <QueryError error={home.error} retry={() => void home.refetch()} />
      ) : home.isPending ? (
        <HomeSkeleton label={t('loading')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing="xl">
            <Network home={home.data} />
            <Results home={home.data} />
          </SimpleGrid>
          <TopCampaigns home={home.data} />
          <Revenue />
          <IdlePartners home={home.data} />
          <SendingHealth sending={home.data.sending} days={home.data.days} />
        </>
      )}
    </Stack>
  );
}

/** The sections' shapes while the home loads: never a 0 or an empty state before the answer. */
function HomeSkeleton({ label }: { label: string }) {
  const heading = (
    <Stack gap={6}>
      <Skeleton height={24} width={200} />
      <Skeleton height={14} width="70%" />
    </Stack>
  );
  return (
    <Stack gap="xl" role="status" aria-busy="true" aria-label={label}>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing="xl">
        {[0, 1].map((i) => (
          <Stack key={i} gap="sm">
            {heading}
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              {[0, 1, 2, 3].map((j) => (
                <Skeleton key={j} height={70} />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
      </SimpleGrid>
      <Stack gap="sm">
        {heading}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Skeleton height={200} />
          <Skeleton height={200} />
        </SimpleGrid>
      </Stack>
      <Stack gap="sm">
        {heading}
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={68} />
        ))}
      </Stack>
    </Stack>
  );
}

import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from '../../../../shared/i18n';
import { useCampaign, useReadiness } from '../../hooks/use-campaign';
import type { PartnerSetup } from '../../hooks/use-setup';
import { LaunchWizard } from '../launch-wizard';
import { ReadinessPanel } from '../readiness-panel';
import { SetupPreview } from './setup-preview';
import { StepFrame } from './step-frame';

interface SetupLaunchStepProps {
  partnerId: string;
  setup: PartnerSetup;
  onBack?: () => void;
}

/** The campaign the vendor suggests first, co-branded, and the launch wizard for it (the audience just added preselected). */
export function SetupLaunchStep({ partnerId, setup, onBack }: SetupLaunchStepProps) {
  const { t } = useTranslation('portal');
  const suggested = setup.suggestedCampaign;
  return (
    <StepFrame title={t('setup.launch.title')} text={t('setup.launch.text')} onBack={onBack}>
      {suggested ? (
        <SuggestedCampaign partnerId={partnerId} campaignId={suggested.campaignId} setup={setup} />
      ) : (
        <Text>{t('setup.launch.none')}</Text>
      )}
      <Anchor component={Link} to="/portal" size="sm">
        {t('setup.launch.catalogue')}
      </Anchor>
    </StepFrame>
  );
}

function SuggestedCampaign({
  partnerId,
  campaignId,
  setup,
}: {
  partnerId: string;
  campaignId: string;
  setup: PartnerSetup;
}) {
  const { t } = useTranslation('portal');
  const campaign = useCampaign(campaignId);
  const readiness = useReadiness(partnerId, campaignId);
  const [wizard, { open, close }] = useDisclosure(false);
  // As on the campaign's page: only what the launch form cannot fill (a slot value) holds it back.
  const blocking = (readiness.data?.items ?? []).filter((i) => i.blocking && !i.path.startsWith('slots.'));
  return (
    <Group align="flex-start" gap="lg" wrap="wrap">
      <Stack maw={320} w="100%">
        <SetupPreview campaign={setup.suggestedCampaign} />
      </Stack>
      <Stack gap="sm" align="flex-start" style={{ flex: '1 1 260px' }}>
        <Text fw={600} size="lg">
          {setup.suggestedCampaign?.name}
        </Text>
        {setup.suggestedCampaign?.description ? <Text size="sm">{setup.suggestedCampaign.description}</Text> : null}
        {blocking.length ? <ReadinessPanel readiness={readiness.data} pending={false} /> : null}
        <Button
          size="md"
          onClick={open}
          disabled={!campaign.data || readiness.isPending || blocking.length > 0}
          loading={campaign.isPending}
        >
          {t('setup.launch.action', { name: setup.suggestedCampaign?.name })}
        </Button>
      </Stack>
      {campaign.data ? (
        <LaunchWizard
          opened={wizard}
          onClose={close}
          partnerId={partnerId}
          campaign={campaign.data}
          readiness={readiness.data}
        />
      ) : null}
    </Group>
  );
}

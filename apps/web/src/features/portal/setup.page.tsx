import { Alert, Button, Group, Skeleton, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { useTranslation } from '../../shared/i18n';
import { SetupAudienceStep } from './components/setup/setup-audience-step';
import { SetupBrandStep } from './components/setup/setup-brand-step';
import { SetupCompanyStep } from './components/setup/setup-company-step';
import { SetupLaunchStep } from './components/setup/setup-launch-step';
import { SetupSenderStep } from './components/setup/setup-sender-step';
import { useBrandKit, type BrandKit } from './hooks/use-brand-kit';
import { useSetup, type PartnerSetup, type SetupStepKey } from './hooks/use-setup';

export function SetupPage() {
  return <PortalGate>{(partnerId) => <Setup partnerId={partnerId} />}</PortalGate>;
}

/** /portal/setup: the guided set-up a new partner is taken to after accepting its invitation. */
function Setup({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('portal');
  const setup = useSetup(partnerId);
  const kit = useBrandKit(partnerId);
  const error = setup.error ?? kit.error;
  return (
    <Stack gap="lg">
      <PageHeader title={t('setup.title')} description={t('setup.description')} />
      {error ? (
        <QueryError error={error} retry={() => void Promise.all([setup.refetch(), kit.refetch()])} />
      ) : setup.data && kit.data ? (
        <SetupSteps partnerId={partnerId} setup={setup.data} kit={kit.data} />
      ) : (
        <Stack gap="md" aria-busy="true" aria-label={t('setup.loading')}>
          <Skeleton height={40} />
          <Skeleton height={320} />
        </Stack>
      )}
    </Stack>
  );
}

interface SetupStepsProps {
  partnerId: string;
  setup: PartnerSetup;
  kit: BrandKit;
}

/**
 * The steps, opened at the API's next one (where a set-up left half-way resumes); any step can
 * be opened again from the stepper. Each step saves before the next opens.
 */
function SetupSteps({ partnerId, setup, kit }: SetupStepsProps) {
  const { t } = useTranslation('portal');
  const narrow = useMediaQuery('(max-width: 36em)', false);
  const keys = setup.steps.map((s) => s.key);
  const [active, setActive] = useState(() => (setup.next ? keys.indexOf(setup.next) : keys.length));
  const go = (index: number) => () => setActive(Math.max(0, Math.min(index, keys.length)));
  const labels: Record<SetupStepKey, string> = {
    brand: t('setup.steps.brand'),
    company: t('setup.steps.company'),
    sender: t('setup.steps.sender'),
    audience: t('setup.steps.audience'),
    launch: t('setup.steps.launch'),
  };
  const nav = (index: number) => ({
    onDone: go(index + 1),
    onSkip: go(index + 1),
    onBack: index > 0 ? go(index - 1) : undefined,
  });
  const content: Record<SetupStepKey, (index: number) => ReactNode> = {
    brand: (i) => <SetupBrandStep partnerId={partnerId} kit={kit} setup={setup} {...nav(i)} />,
    company: (i) => <SetupCompanyStep partnerId={partnerId} kit={kit} {...nav(i)} />,
    sender: (i) => <SetupSenderStep partnerId={partnerId} kit={kit} {...nav(i)} />,
    audience: (i) => <SetupAudienceStep partnerId={partnerId} setup={setup} {...nav(i)} />,
    launch: (i) => <SetupLaunchStep partnerId={partnerId} setup={setup} onBack={nav(i).onBack} />,
  };
  const done = setup.steps.filter((s) => s.done).length;
  return (
    <Stack gap="md">
      <Text size="sm">{t('setup.progress', { done, total: keys.length })}</Text>
      <Stepper active={active} onStepClick={setActive} size={narrow ? 'xs' : 'sm'} wrap={false}>
        {setup.steps.map((step, index) => (
          <Stepper.Step
            key={step.key}
            label={narrow ? undefined : labels[step.key]}
            description={narrow ? undefined : step.done ? t('setup.done') : t('setup.toDo')}
            aria-label={t('setup.stepLabel', {
              step: labels[step.key],
              state: step.done ? t('setup.done') : t('setup.toDo'),
            })}
          >
            {content[step.key](index)}
          </Stepper.Step>
        ))}
        <Stepper.Completed>
          <Alert color={setup.complete ? 'teal' : 'yellow'} variant="light" mt="lg" title={t('setup.finished.title')}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{setup.complete ? t('setup.finished.complete') : t('setup.finished.incomplete')}</Text>
              <Group gap="sm">
                <Button component={Link} to="/portal/home">
                  {t('setup.finished.home')}
                </Button>
                {setup.next ? (
                  <Button variant="default" onClick={go(keys.indexOf(setup.next))}>
                    {t('setup.finished.resume')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </Alert>
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}

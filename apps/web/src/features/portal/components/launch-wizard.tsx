import { Alert, Button, Group, Modal, Radio, Select, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldError, formError } from '../../session/components/field-error';
import type { PublishedCampaign, Readiness } from '../hooks/use-campaign';
import { useCreateLaunch, useLaunchPreview, type LaunchRequest } from '../hooks/use-launches';
import { useLists, useProspectCount } from '../hooks/use-lists';
import { LaunchTimeline } from './launch-timeline';

interface LaunchWizardProps {
  opened: boolean;
  onClose: () => void;
  partnerId: string;
  campaign: PublishedCampaign;
  readiness: Readiness | undefined;
}

/** Paths of the launch body the form shows next to its fields; any other problem shows above. */
const FIELDS = ['audience', 'audience.type', 'audience.listId', 'startAt'];

/**
 * Audience and start (both preselected: every prospect, now) → the API's dry run → confirm.
 * The API decides everything: who is enrolled, when each step goes, whether the launch may go.
 */
export function LaunchWizard({ opened, onClose, partnerId, campaign, readiness }: LaunchWizardProps) {
  const navigate = useNavigate();
  // A phone gets the whole screen: the review is long.
  const narrow = useMediaQuery('(max-width: 48em)', false);
  const [step, setStep] = useState(0);
  const [audience, setAudience] = useState<'all' | 'list'>('all');
  const [listId, setListId] = useState<string | null>(null);
  const [start, setStart] = useState<'now' | 'later'>('now');
  const [startAt, setStartAt] = useState('');
  const [slotValues, setSlotValues] = useState<Record<string, string>>({});
  const lists = useLists(opened ? partnerId : undefined);
  const prospects = useProspectCount(opened ? partnerId : undefined);
  const preview = useLaunchPreview();
  const launch = useCreateLaunch();

  // Slots the API names as missing or invalid for this partner: filled in for this launch.
  const slotItems = (readiness?.items ?? []).filter((i) => i.path.startsWith('slots.'));
  const slotLabel = (name: string) => campaign.content.slots.find((s) => s.name === name)?.label ?? name;

  const body = (): LaunchRequest => ({
    campaignId: campaign.id,
    version: campaign.version,
    audience: audience === 'list' ? { type: 'list', listId: listId ?? undefined } : { type: 'all' },
    ...(start === 'later' && startAt ? { startAt: new Date(startAt).toISOString() } : {}),
    ...(Object.keys(slotValues).length ? { slotValues } : {}),
  });

  const review = () => preview.mutate(body(), { onSuccess: () => setStep(1) });
  const confirm = () => launch.mutate(body(), { onSuccess: (l) => void navigate(`/portal/launches/${l.id}`) });
  const close = () => {
    setStep(0);
    preview.reset();
    launch.reset();
    onClose();
  };
  const error = step === 0 ? preview.error : launch.error;
  const slotFields = slotItems.map((i) => `slotValues.${i.path.slice('slots.'.length)}`);
  const topError = formError(error, [...FIELDS, ...slotFields]);

  return (
    <Modal opened={opened} onClose={close} title={`Launch “${campaign.name}”`} size="lg" fullScreen={narrow} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stepper active={step} size="sm" mb="md" allowNextStepsSelect={false} onStepClick={(s) => s < step && setStep(s)}>
        <Stepper.Step label="Audience and start" />
        <Stepper.Step label="Review" />
      </Stepper>
      {topError ? (
        <Alert color="red" variant="light" mb="md" role="alert" title="The launch was refused">
          <Text size="sm">{topError}</Text>
        </Alert>
      ) : null}
      {step === 0 ? (
        <form
          aria-label="Audience and start"
          onSubmit={(e) => {
            e.preventDefault();
            review();
          }}
        >
          <Stack gap="md">
            <Radio.Group
              label="Who receives it"
              value={audience}
              onChange={(v) => setAudience(v === 'list' ? 'list' : 'all')}
              error={fieldError(error, 'audience') ?? fieldError(error, 'audience.type')}
            >
              <Stack gap="xs" mt={6}>
                <Radio value="all" label={prospects.data === undefined ? 'All my prospects' : `All my prospects (${prospects.data.toLocaleString('en-GB')})`} />
                <Radio value="list" label="A list" disabled={!lists.data?.items.length} />
              </Stack>
            </Radio.Group>
            {audience === 'list' ? (
              <Select
                label="List"
                placeholder="Choose a list"
                data={(lists.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.size.toLocaleString('en-GB')})` }))}
                value={listId}
                onChange={setListId}
                error={fieldError(error, 'audience.listId')}
                required
              />
            ) : null}
            <Radio.Group label="When it starts" value={start} onChange={(v) => setStart(v === 'later' ? 'later' : 'now')} error={start === 'now' ? fieldError(error, 'startAt') : undefined}>
              <Stack gap="xs" mt={6}>
                <Radio value="now" label="Now (each step in its send window, in each prospect’s time zone)" />
                <Radio value="later" label="At a date and time" />
              </Stack>
            </Radio.Group>
            {start === 'later' ? (
              <TextInput type="datetime-local" label="Start at (your time)" value={startAt} onChange={(e) => setStartAt(e.currentTarget.value)} error={fieldError(error, 'startAt')} required />
            ) : null}
            {slotItems.map((item) => {
              const name = item.path.slice('slots.'.length);
              return (
                <TextInput
                  key={name}
                  label={slotLabel(name)}
                  description={item.message}
                  value={slotValues[name] ?? ''}
                  onChange={(e) => setSlotValues((v) => ({ ...v, [name]: e.currentTarget.value }))}
                  error={fieldError(error, `slotValues.${name}`)}
                  required={item.blocking}
                />
              );
            })}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={preview.isPending}>
                Review the launch
              </Button>
            </Group>
          </Stack>
        </form>
      ) : preview.data ? (
        <Stack gap="md">
          <LaunchTimeline preview={preview.data} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep(0)}>
              Back
            </Button>
            <Button onClick={confirm} loading={launch.isPending} data-autofocus>
              Confirm the launch
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Radio, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldError, formError } from '../../session/components/field-error';
import type { PublishedCampaign, Readiness } from '../hooks/use-campaign';
import { useCreateLaunch, useLaunchPreview, type LaunchRequest } from '../hooks/use-launches';
import { useLaunchImport, useUploadAudience } from '../hooks/use-launch-import';
import { useLists, useProspectCount } from '../hooks/use-lists';
import { LaunchAudience, type AudienceChoice, type AudienceFilter } from './launch-audience';
import { LaunchTimeline } from './launch-timeline';

interface LaunchWizardProps {
  opened: boolean;
  onClose: () => void;
  partnerId: string;
  campaign: PublishedCampaign;
  readiness: Readiness | undefined;
}

/** Paths of the launch body the form shows next to its fields; any other problem shows above. */
const FIELDS = ['audience', 'audience.type', 'audience.listId', 'audience.country', 'audience.search', 'startAt'];

/** The name of the list an upload creates: the file's, and when (to the second, so each upload's is its own). */
const listNameFor = (file: File) =>
  `${file.name.slice(0, 120)} (${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date())})`;

/**
 * Audience (all prospects; a list, the newest with members preselected; a filter; or a CSV
 * uploaded here, preselected for a partner with no prospect yet) and start (now, preselected) → the API's dry run → confirm. The API decides
 * everything: who matches, who is enrolled, when each step goes, whether the launch may go.
 */
export function LaunchWizard({ opened, onClose, partnerId, campaign, readiness }: LaunchWizardProps) {
  const navigate = useNavigate();
  // A phone gets the whole screen: the review is long.
  const narrow = useMediaQuery('(max-width: 48em)', false);
  const [step, setStep] = useState(0);
  // Null until the partner chooses: the preselection (below) applies meanwhile.
  const [chosen, setChosen] = useState<AudienceChoice | null>(null);
  const [chosenList, setChosenList] = useState<string | null>(null);
  const [filter, setFilter] = useState<AudienceFilter>({ search: '', country: [] });
  const [file, setFile] = useState<File | null>(null);
  const [listName, setListName] = useState<string | null>(null);
  const [start, setStart] = useState<'now' | 'later'>('now');
  const [startAt, setStartAt] = useState('');
  const [slotValues, setSlotValues] = useState<Record<string, string>>({});
  const lists = useLists(opened ? partnerId : undefined);
  const prospects = useProspectCount(opened ? partnerId : undefined);
  const upload = useUploadAudience(partnerId);
  const imported = useLaunchImport(partnerId, upload.data?.id);
  const preview = useLaunchPreview();
  const launch = useCreateLaunch();

  // The preselected audience: the newest list that has members, else every prospect, or, for a
  // partner with no prospect at all, a CSV to upload.
  const newestList = lists.data?.items.find((l) => l.size > 0);
  const choice: AudienceChoice = chosen ?? (newestList ? 'list' : prospects.data === 0 ? 'csv' : 'all');
  const listId = chosenList ?? newestList?.id ?? null;
  const importedList = imported.data?.status === 'completed' ? imported.data.listId : null;

  // Slots the API names as missing or invalid for this partner: filled in for this launch.
  const slotItems = (readiness?.items ?? []).filter((i) => i.path.startsWith('slots.'));
  const slotLabel = (name: string) => campaign.content.slots.find((s) => s.name === name)?.label ?? name;

  const audienceBody = (): LaunchRequest['audience'] => {
    if (choice === 'list') return { type: 'list', listId: listId ?? undefined };
    if (choice === 'csv') return { type: 'list', listId: importedList ?? undefined };
    if (choice === 'filter')
      return {
        type: 'filter',
        ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
        ...(filter.country.length ? { country: filter.country } : {}),
      };
    return { type: 'all' };
  };
  const body = (): LaunchRequest => ({
    campaignId: campaign.id,
    version: campaign.version,
    audience: audienceBody(),
    ...(start === 'later' && startAt ? { startAt: new Date(startAt).toISOString() } : {}),
    ...(Object.keys(slotValues).length ? { slotValues } : {}),
  });

  const review = () => preview.mutate(body(), { onSuccess: () => setStep(1) });
  const confirm = () => launch.mutate(body(), { onSuccess: (l) => void navigate(`/portal/launches/${l.id}`) });
  const forgetFile = () => {
    upload.reset();
    setFile(null);
    setListName(null);
  };
  const close = () => {
    setStep(0);
    preview.reset();
    launch.reset();
    onClose();
  };
  const sendFile = (chosenFile: File) => {
    const name = listNameFor(chosenFile);
    // Chosen now for good: the list the import creates must not turn the preselection into "A list".
    setChosen('csv');
    setFile(chosenFile);
    setListName(name);
    upload.start(chosenFile, name);
  };
  const error = step === 0 ? preview.error : launch.error;
  const slotFields = slotItems.map((i) => `slotValues.${i.path.slice('slots.'.length)}`);
  const topError = formError(error, [...FIELDS, ...slotFields]);
  // What still keeps the review back (the lists loading, an import not finished): said beside the button.
  const waitingFor =
    lists.isPending || prospects.isPending
      ? 'Loading your lists…'
      : choice === 'csv' && !importedList
        ? imported.data?.status === 'failed'
          ? 'The import failed: upload another file, or choose another audience.'
          : 'Upload a CSV file first; the launch goes to its prospects once it is imported.'
        : null;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Launch “${campaign.name}”`}
      size="lg"
      fullScreen={narrow}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
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
            if (!waitingFor) review();
          }}
        >
          <Stack gap="md">
            <LaunchAudience
              partnerId={partnerId}
              campaign={campaign}
              choice={choice}
              onChoice={setChosen}
              lists={lists.data?.items ?? []}
              listId={listId}
              onList={setChosenList}
              prospects={prospects.data}
              filter={filter}
              onFilter={setFilter}
              error={error}
              csv={{ upload, file, listName, item: imported.data, onFile: sendFile, onReset: forgetFile }}
            />
            <Radio.Group
              label="When it starts"
              value={start}
              onChange={(v) => setStart(v === 'later' ? 'later' : 'now')}
              error={start === 'now' ? fieldError(error, 'startAt') : undefined}
            >
              <Stack gap="xs" mt={6}>
                <Radio value="now" label="Now (each step in its send window, in each prospect’s time zone)" />
                <Radio value="later" label="At a date and time" />
              </Stack>
            </Radio.Group>
            {start === 'later' ? (
              <TextInput
                type="datetime-local"
                label="Start at (your time)"
                value={startAt}
                onChange={(e) => setStartAt(e.currentTarget.value)}
                error={fieldError(error, 'startAt')}
                required
              />
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
            <Group justify="flex-end" gap="sm">
              {waitingFor ? (
                <Text size="sm" id="review-waiting" style={{ flex: '1 1 200px' }}>
                  {waitingFor}
                </Text>
              ) : null}
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                type="submit"
                loading={preview.isPending}
                disabled={!!waitingFor}
                aria-describedby={waitingFor ? 'review-waiting' : undefined}
              >
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

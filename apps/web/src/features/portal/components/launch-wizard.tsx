import { Alert, Button, Group, Modal, Radio, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useLists, useProspectCount } from '../../../shared/hooks/use-partner-lists';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import type { PublishedCampaign, Readiness } from '../hooks/use-campaign';
import { useLaunchImport, useUploadAudience } from '../hooks/use-launch-import';
import { useLaunchWizardState } from '../hooks/use-launch-wizard-state';
import { useCreateLaunch, useLaunchPreview } from '../hooks/use-launches';
import { LaunchAudience } from './launch-audience';
import { LaunchTimeline } from './launch-timeline';
import { TextBlockField } from '../../../shared/components/text-block-field';
import { blockOf, blockCampaignOf } from '../lib/text-blocks';

interface LaunchWizardProps {
  opened: boolean;
  onClose: () => void;
  partnerId: string;
  campaign: PublishedCampaign;
  readiness: Readiness | undefined;
}

/** Paths of the launch body the form shows next to its fields; any other problem shows above. */
const FIELDS = ['audience', 'audience.type', 'audience.listId', 'audience.country', 'audience.search', 'startAt'];

/**
 * Audience (all prospects; a list, the newest with members preselected; a filter; or a CSV
 * uploaded here, preselected for a partner with no prospect yet) and start (now, preselected) → the API's dry run → confirm. The API decides
 * everything: who matches, who is enrolled, when each step goes, whether the launch may go.
 */
export function LaunchWizard({ opened, onClose, partnerId, campaign, readiness }: LaunchWizardProps) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  /** The name of the list an upload creates: the file's, and when (to the second, so each upload's is its own). */
  const listNameFor = (file: File) => `${file.name.slice(0, 120)} (${format.dateTimeSeconds(new Date())})`;
  const navigate = useNavigate();
  // A phone gets the whole screen: the review is long.
  const narrow = useMediaQuery('(max-width: 48em)', false);
  const lists = useLists(opened ? partnerId : undefined);
  const prospects = useProspectCount(opened ? partnerId : undefined);
  const upload = useUploadAudience(partnerId);
  const imported = useLaunchImport(partnerId, upload.data?.id);
  const preview = useLaunchPreview();
  const launch = useCreateLaunch();
  // The review replaces the form the keyboard was in: its main action takes the focus.
  const focusOnOpen = useFocusOnOpen<HTMLButtonElement>();
  const wizard = useLaunchWizardState(
    {
      loading: lists.isPending || prospects.isPending,
      lists: lists.data?.items,
      prospects: prospects.data,
      imported: imported.data,
    },
    campaign,
  );
  const { state, dispatch, choice, listId } = wizard;
  const waitingFor =
    wizard.waitingFor === 'lists'
      ? t('wizard.waitingForLists')
      : wizard.waitingFor === 'upload'
        ? t('wizard.waitingForUpload')
        : wizard.waitingFor === 'importFailed'
          ? t('wizard.importFailed')
          : null;
  const { step, file, listName, start, startAt, slotValues } = state;

  // Slots the API names as missing or invalid for this partner: filled in for this launch.
  // Editable blocks (text_block slots) have their own field, with its limits and a live preview.
  const blocks = campaign.content.slots.filter((s) => s.type === 'text_block');
  const isBlock = (path: string) => blocks.some((b) => path === `slots.${b.name}` || path === `slotValues.${b.name}`);
  const slotItems = (readiness?.items ?? []).filter((i) => i.path.startsWith('slots.') && !isBlock(i.path));
  const slotLabel = (name: string) => campaign.content.slots.find((s) => s.name === name)?.label ?? name;

  const review = () => {
    launch.reset();
    preview.mutate(wizard.body(), { onSuccess: () => dispatch({ type: 'reviewed' }) });
  };
  // A refusal at a slot's field holds until the partner changes a slot's value.
  const editSlot = (name: string, value: string) => {
    preview.reset();
    launch.reset();
    dispatch({ type: 'slotValue', name, value });
  };
  // A refusal naming fields goes back to the form, where each problem shows at its field.
  const confirm = () =>
    launch.mutate(wizard.body(), {
      onSuccess: (l) => void navigate(`/portal/launches/${l.id}`),
      onError: (e) => {
        if (e instanceof ApiError && e.problems.length) dispatch({ type: 'back' });
      },
    });
  const forgetFile = () => {
    upload.reset();
    dispatch({ type: 'fileForgotten' });
  };
  const close = () => {
    dispatch({ type: 'back' });
    preview.reset();
    launch.reset();
    onClose();
  };
  const sendFile = (chosenFile: File) => {
    const name = listNameFor(chosenFile);
    dispatch({ type: 'fileSent', file: chosenFile, listName: name });
    upload.start(chosenFile, name);
  };
  const error = step === 0 ? (preview.error ?? launch.error) : launch.error;
  const slotFields = slotItems.map((i) => `slotValues.${i.path.slice('slots.'.length)}`);
  const blockFields = blocks.flatMap((b) => [`slots.${b.name}`, `slotValues.${b.name}`]);
  const topError = formError(error, [...FIELDS, ...slotFields, ...blockFields]);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('wizard.title', { name: campaign.name })}
      size="lg"
      fullScreen={narrow}
      centered
      closeButtonProps={{ 'aria-label': t('wizard.close') }}
    >
      <Stepper
        active={step}
        size="sm"
        mb="md"
        allowNextStepsSelect={false}
        onStepClick={(s) => s < step && dispatch({ type: 'back' })}
      >
        <Stepper.Step label={t('wizard.audienceAndStart')} />
        <Stepper.Step label={t('wizard.review')} />
      </Stepper>
      {topError ? (
        <Alert color="red" variant="light" mb="md" role="alert" title={t('wizard.refused')}>
          <Text size="sm">{topError}</Text>
        </Alert>
      ) : null}
      {step === 0 ? (
        <form
          aria-label={t('wizard.audienceAndStart')}
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
              onChoice={(c) => dispatch({ type: 'choose', choice: c })}
              lists={lists.data?.items ?? []}
              listId={listId}
              onList={(id) => dispatch({ type: 'chooseList', listId: id })}
              prospects={prospects.data}
              filter={state.filter}
              onFilter={(f) => dispatch({ type: 'filter', filter: f })}
              error={error}
              csv={{ upload, file, listName, item: imported.data, onFile: sendFile, onReset: forgetFile }}
            />
            <Radio.Group
              label={t('wizard.whenItStarts')}
              value={start}
              onChange={(v) => dispatch({ type: 'start', start: v === 'later' ? 'later' : 'now' })}
              error={start === 'now' ? fieldError(error, 'startAt') : undefined}
            >
              <Stack gap="xs" mt={6}>
                <Radio value="now" label={t('wizard.startNow')} />
                <Radio value="later" label={t('wizard.startLater')} />
              </Stack>
            </Radio.Group>
            {start === 'later' ? (
              <TextInput
                type="datetime-local"
                label={t('wizard.startAt')}
                value={startAt}
                onChange={(e) => dispatch({ type: 'startAt', value: e.currentTarget.value })}
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
                  onChange={(e) => editSlot(name, e.currentTarget.value)}
                  error={fieldError(error, `slotValues.${name}`)}
                  required={item.blocking}
                />
              );
            })}
            {blocks.map((slot) => (
              <TextBlockField
                key={slot.name}
                block={blockOf(slot)}
                campaign={blockCampaignOf(campaign, slot.name)}
                slotValues={slotValues}
                onChange={(value) => editSlot(slot.name, value)}
                error={error}
              />
            ))}
            <Group justify="flex-end" gap="sm">
              {waitingFor ? (
                <Text size="sm" id="review-waiting" style={{ flex: '1 1 200px' }}>
                  {waitingFor}
                </Text>
              ) : null}
              <Button variant="default" onClick={close}>
                {t('wizard.cancel')}
              </Button>
              <Button
                type="submit"
                loading={preview.isPending}
                disabled={!!waitingFor}
                aria-describedby={waitingFor ? 'review-waiting' : undefined}
              >
                {t('wizard.reviewTheLaunch')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : preview.data ? (
        <Stack gap="md">
          <LaunchTimeline preview={preview.data} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => dispatch({ type: 'back' })}>
              {t('wizard.back')}
            </Button>
            <Button onClick={confirm} loading={launch.isPending} ref={focusOnOpen} data-autofocus>
              {t('wizard.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

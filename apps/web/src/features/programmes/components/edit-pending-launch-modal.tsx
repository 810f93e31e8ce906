import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { toLocalInput as localInput } from '../../../shared/lib/format';
import { useEditPendingLaunch, type PendingLaunch } from '../hooks/use-pending-launches';
import { AudienceFields, audienceBody, audienceValue } from './audience-fields';
import { SlotValuesFields, slotRows, slotValuesBody } from './slot-values-fields';

const FIELDS = [
  'audience',
  'audience.type',
  'audience.listId',
  'audience.search',
  'audience.country',
  'slotValues',
  'dueAt',
];

/** Changes one pending launch before it starts: its audience, slot values and when it starts by itself. */
export function EditPendingLaunchModal({
  partnerId,
  pending,
  onClose,
}: {
  partnerId: string;
  pending: PendingLaunch;
  onClose: () => void;
}) {
  const { t } = useTranslation('programmes');
  const narrow = useMediaQuery('(max-width: 48em)', false);
  const [audience, setAudience] = useState(audienceValue(pending.audience));
  const [slots, setSlots] = useState(slotRows(pending.slotValues));
  const [dueAt, setDueAt] = useState(localInput(pending.dueAt));
  const edit = useEditPendingLaunch(pending.id);
  const slotFields = slots.filter((r) => r.name.trim()).map((r) => `slotValues.${r.name.trim()}`);
  const problem = formError(edit.error, [...FIELDS, ...slotFields]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const due = dueAt ? new Date(dueAt) : null;
    edit.mutate(
      {
        audience: audienceBody(audience),
        slotValues: slotValuesBody(slots),
        // Sent only when changed (to the minute the input shows): the API refuses a time in the past.
        ...(due && !Number.isNaN(due.getTime()) && dueAt !== localInput(pending.dueAt)
          ? { dueAt: due.toISOString() }
          : {}),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('editPending.title', { campaign: pending.campaignName, version: pending.version })}
      size="lg"
      fullScreen={narrow}
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form onSubmit={submit} onChange={() => edit.error && edit.reset()} noValidate aria-label={t('editPending.form')}>
        <Stack gap="md">
          {problem ? (
            <Alert color="red" variant="light" role="alert" title={t('notSaved')}>
              {problem}
            </Alert>
          ) : null}
          <Text size="sm">{t('editPending.onlyThis')}</Text>
          <AudienceFields
            partnerId={partnerId}
            value={audience}
            onChange={setAudience}
            error={edit.error}
            label={t('editPending.whoReceives')}
          />
          <TextInput
            type="datetime-local"
            label={t('editPending.startsAt')}
            value={dueAt}
            onChange={(e) => setDueAt(e.currentTarget.value)}
            error={fieldError(edit.error, 'dueAt')}
          />
          <SlotValuesFields rows={slots} onChange={setSlots} error={edit.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={edit.isPending}>
              {t('editPending.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

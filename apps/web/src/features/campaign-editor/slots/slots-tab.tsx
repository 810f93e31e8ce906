import { Stack } from '@mantine/core';
import { StaleNotice } from '../components/stale-notice';
import { useSaveSlots } from '../hooks/use-draft-edits';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { SlotsForm } from './slots-form';

/** The slots form, started afresh from what is stored whenever the draft's revision changes. */
export function SlotsTab({ edited }: { edited: EditedCampaign }) {
  const save = useSaveSlots(edited.campaign.id, edited.campaign.revision);
  return (
    <Stack gap="md">
      <StaleNotice error={save.error} />
      <SlotsForm key={`${edited.campaign.revision}-${edited.campaign.updatedAt}`} edited={edited} save={save} />
    </Stack>
  );
}

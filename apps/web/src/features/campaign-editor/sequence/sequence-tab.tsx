import { Stack } from '@mantine/core';
import { StaleNotice } from '../components/stale-notice';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { SequenceForm } from './sequence-form';
import { useSaveSequence } from './use-sequence';

/** The campaign editor's Sequence tab: the form started afresh from what is stored whenever the draft's revision changes. */
export function SequenceTab({ edited }: { edited: EditedCampaign }) {
  const save = useSaveSequence(edited.campaign.id, edited.campaign.revision);
  return (
    <Stack gap="md">
      <StaleNotice error={save.error} />
      <SequenceForm key={`${edited.campaign.revision}-${edited.campaign.updatedAt}`} edited={edited} save={save} />
    </Stack>
  );
}

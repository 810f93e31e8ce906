import { Stack } from '@mantine/core';
import { StaleNotice } from '../components/stale-notice';
import { useSaveDetails } from '../hooks/use-draft-edits';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { DetailsForm } from './details-form';

/** The details form, started afresh from what is stored whenever the draft's revision changes. */
export function DetailsTab({ edited }: { edited: EditedCampaign }) {
  const save = useSaveDetails(edited.campaign.id, edited.campaign.revision);
  return (
    <Stack gap="md">
      <StaleNotice error={save.error} />
      <DetailsForm key={`${edited.campaign.revision}-${edited.campaign.updatedAt}`} edited={edited} save={save} />
    </Stack>
  );
}

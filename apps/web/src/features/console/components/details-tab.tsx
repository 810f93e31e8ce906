import { Stack } from '@mantine/core';
import type { EditedCampaign } from '../hooks/use-campaign';
import { useSaveDetails } from '../hooks/use-draft-edits';
import { DetailsForm } from './details-form';
import { StaleNotice } from './stale-notice';

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

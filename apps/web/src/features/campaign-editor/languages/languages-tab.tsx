import { Stack } from '@mantine/core';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { LanguageList } from './language-list';
import { MachineTranslation } from './machine-translation';
import { XliffDownload } from './xliff-download';
import { XliffImport } from './xliff-import';

/**
 * The emails' copy in other languages: each language's state per email (the API's judgement),
 * the published version's file for translators, a translator's file imported back, and the
 * configured model's drafts, reviewed and approved by a person.
 */
export function LanguagesTab({ edited }: { edited: EditedCampaign }) {
  const { campaign, content } = edited;
  return (
    <Stack gap="xl" maw={880}>
      <LanguageList campaign={campaign} content={content} />
      <XliffDownload campaignId={campaign.id} latestVersion={campaign.latestVersion} />
      <XliffImport campaign={campaign} />
      <MachineTranslation campaign={campaign} />
    </Stack>
  );
}

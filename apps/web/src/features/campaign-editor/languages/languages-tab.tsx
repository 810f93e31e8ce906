import { Stack } from '@mantine/core';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { LanguageList } from './language-list';
import { XliffDownload } from './xliff-download';
import { XliffImport } from './xliff-import';

/**
 * The emails' copy in other languages: each language's state per email (the API's judgement),
 * the published version's file for translators, and a translator's file imported back.
 */
export function LanguagesTab({ edited }: { edited: EditedCampaign }) {
  const { campaign } = edited;
  return (
    <Stack gap="xl" maw={880}>
      <LanguageList campaign={campaign} />
      <XliffDownload campaignId={campaign.id} latestVersion={campaign.latestVersion} />
      <XliffImport campaign={campaign} />
    </Stack>
  );
}

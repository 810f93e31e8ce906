import { Divider, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useFormat, useTranslation } from '../../../../shared/i18n';
import { useLaunchImport, useUploadAudience } from '../../hooks/use-launch-import';
import type { PartnerSetup } from '../../hooks/use-setup';
import { LaunchCsvAudience } from '../launch-csv-audience';
import { AddProspectForm } from './add-prospect-form';
import { StepFrame } from './step-frame';

interface SetupAudienceStepProps {
  partnerId: string;
  setup: PartnerSetup;
  onDone: () => void;
  onBack?: () => void;
  onSkip: () => void;
}

/**
 * The first prospects: a CSV file (imported into a new list, which the launch wizard then
 * preselects) or a few people by hand. Each is saved as it is added; the count is the API's.
 */
export function SetupAudienceStep({ partnerId, setup, onDone, onBack, onSkip }: SetupAudienceStepProps) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const upload = useUploadAudience(partnerId);
  const imported = useLaunchImport(partnerId, upload.data?.id);
  const [file, setFile] = useState<File | null>(null);
  const [listName, setListName] = useState<string | null>(null);
  const choose = (chosen: File) => {
    // The list is named after the file and when it came, to the second, as the launch wizard names its own.
    const name = `${chosen.name.slice(0, 120)} (${format.dateTimeSeconds(new Date())})`;
    setFile(chosen);
    setListName(name);
    upload.start(chosen, name);
  };
  const forget = () => {
    upload.reset();
    setFile(null);
    setListName(null);
  };
  return (
    <StepFrame
      title={t('setup.audience.title')}
      text={t('setup.audience.text')}
      action={{ label: t('setup.continue'), onClick: onDone, disabled: setup.prospects === 0 }}
      onBack={onBack}
      onSkip={setup.prospects === 0 ? onSkip : undefined}
    >
      <Stack gap="md">
        <Text fw={600} role="status">
          {t('setup.audience.count', { count: setup.prospects })}
        </Text>
        <Title order={3} size="h4">
          {t('setup.audience.fromFile')}
        </Title>
        <LaunchCsvAudience
          partnerId={partnerId}
          upload={upload}
          file={file}
          listName={listName}
          item={imported.data}
          onFile={choose}
          onReset={forget}
        />
        <Divider label={t('setup.audience.or')} labelPosition="center" />
        <AddProspectForm partnerId={partnerId} />
      </Stack>
    </StepFrame>
  );
}

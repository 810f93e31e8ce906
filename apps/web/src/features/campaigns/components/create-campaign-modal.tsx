import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useCreateCampaign } from '../hooks/use-campaigns';

const FIELDS = ['name', 'language', 'description'];

/** A new campaign from a name (and language, description); the editor opens on it. */
export function CreateCampaignModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('campaigns');
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('en');
  const [description, setDescription] = useState('');
  const create = useCreateCampaign();
  const navigate = useNavigate();

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, language, ...(description.trim() ? { description } : {}) },
      { onSuccess: (campaign) => void navigate(`/console/campaigns/${campaign.id}`) },
    );
  };
  const problem = formError(create.error, FIELDS);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('newCampaign')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form onSubmit={submit} noValidate aria-label={t('newCampaign')}>
        <Stack gap="md">
          {problem ? (
            <Alert color="red" variant="light" role="alert" title={t('create.notCreated')}>
              {problem}
            </Alert>
          ) : null}
          <TextInput
            label={t('create.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(create.error, 'name')}
          />
          <TextInput
            label={t('create.language')}
            description={t('create.languageHint')}
            required
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            error={fieldError(create.error, 'language')}
          />
          <Textarea
            label={t('create.description')}
            description={t('create.descriptionHint')}
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError(create.error, 'description')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useCreateCampaign } from '../hooks/use-campaigns';

const FIELDS = ['name', 'language', 'description'];

/** A new campaign from a name (and language, description); the editor opens on it. */
export function CreateCampaignModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
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
    <Modal opened={opened} onClose={close} title="New campaign" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit} noValidate aria-label="New campaign">
        <Stack gap="md">
          {problem ? (
            <Alert color="red" variant="light" role="alert" title="Not created">
              {problem}
            </Alert>
          ) : null}
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(create.error, 'name')}
          />
          <TextInput
            label="Language"
            description="A language tag such as en or pt-BR"
            required
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            error={fieldError(create.error, 'language')}
          />
          <Textarea
            label="Description"
            description="What partners read in their catalogue"
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError(create.error, 'description')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create the campaign
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

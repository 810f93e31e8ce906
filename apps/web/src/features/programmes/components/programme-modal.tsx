import { Alert, Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';

import { fieldError, formError } from '../../../shared/lib/field-error';
import { useCampaignChoices, useSaveProgramme, type Programme } from '../hooks/use-programmes';

/** Campaigns offered to choose from: the API pages at most 200. */
const MOST_CAMPAIGNS = 200;
const FIELDS = ['name', 'description', 'tag', 'campaignIds'];

/** A programme's name, description and campaigns: chosen by name and/or every published campaign with a tag. */
export function ProgrammeModal({ programme, onClose }: { programme: Programme | null; onClose: () => void }) {
  const narrow = useMediaQuery('(max-width: 48em)', false);
  const [name, setName] = useState(programme?.name ?? '');
  const [description, setDescription] = useState(programme?.description ?? '');
  const [tag, setTag] = useState(programme?.tag ?? '');
  const [campaignIds, setCampaignIds] = useState<string[]>(programme?.campaignIds ?? []);
  const campaigns = useCampaignChoices(MOST_CAMPAIGNS);
  const save = useSaveProgramme(programme?.id ?? null);
  const problem = formError(save.error, [...FIELDS, ...campaignIds.map((_, i) => `campaignIds.${i}`)]);
  const campaignsError =
    fieldError(save.error, 'campaignIds') ??
    campaignIds.map((_, i) => fieldError(save.error, `campaignIds.${i}`)).find(Boolean);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name, description, tag: tag.trim() ? tag.trim() : null, campaignIds }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={programme ? `Edit “${programme.name}”` : 'New programme'}
      size="lg"
      fullScreen={narrow}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form
        onSubmit={submit}
        onChange={() => save.error && save.reset()}
        noValidate
        aria-label={programme ? 'Edit the programme' : 'New programme'}
      >
        <Stack gap="md">
          {problem ? (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {problem}
            </Alert>
          ) : null}
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <Textarea
            label="Description"
            description="What partners read before they subscribe."
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError(save.error, 'description')}
          />
          <MultiSelect
            label="Campaigns"
            description="Each new version they publish is offered to the subscribers."
            placeholder={campaignIds.length ? undefined : 'Choose campaigns'}
            data={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={campaignIds}
            onChange={setCampaignIds}
            searchable
            nothingFoundMessage="No campaign has this name"
            error={campaignsError}
          />
          <TextInput
            label="And every campaign tagged"
            description="Optional: published campaigns with this tag belong to the programme too."
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
            error={fieldError(save.error, 'tag')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {programme ? 'Save the programme' : 'Create the programme'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';

import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useCampaignChoices, useSaveProgramme, type Programme } from '../hooks/use-programmes';

/** Campaigns offered to choose from: the API pages at most 200. */
const MOST_CAMPAIGNS = 200;
const FIELDS = ['name', 'description', 'tag', 'campaignIds'];

/** A programme's name, description and campaigns: chosen by name and/or every published campaign with a tag. */
export function ProgrammeModal({ programme, onClose }: { programme: Programme | null; onClose: () => void }) {
  const { t } = useTranslation('programmes');
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
      title={programme ? t('programme.editTitle', { programme: programme.name }) : t('programme.new')}
      size="lg"
      fullScreen={narrow}
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form
        onSubmit={submit}
        onChange={() => save.error && save.reset()}
        noValidate
        aria-label={programme ? t('programme.editForm') : t('programme.new')}
      >
        <Stack gap="md">
          {problem ? (
            <Alert color="red" variant="light" role="alert" title={t('notSaved')}>
              {problem}
            </Alert>
          ) : null}
          <TextInput
            label={t('programme.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <Textarea
            label={t('programme.description')}
            description={t('programme.descriptionHint')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError(save.error, 'description')}
          />
          <MultiSelect
            label={t('programme.campaigns')}
            description={t('programme.campaignsHint')}
            placeholder={campaignIds.length ? undefined : t('programme.chooseCampaigns')}
            data={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={campaignIds}
            onChange={setCampaignIds}
            searchable
            nothingFoundMessage={t('programme.noCampaign')}
            error={campaignsError}
          />
          <TextInput
            label={t('programme.tag')}
            description={t('programme.tagHint')}
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
            error={fieldError(save.error, 'tag')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {programme ? t('programme.save') : t('programme.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { useTranslation } from '../../../shared/i18n';
import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fromLocalInput, toLocalInput } from '../../../shared/lib/format';
import { ProblemsAlert } from '../components/problems-alert';
import { isStale, type CatalogueChanges, type MetadataChanges, type useSaveDetails } from '../hooks/use-draft-edits';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { headline, messageAt, otherProblems } from '../problems';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';

interface Values {
  name: string;
  description: string;
  tags: string[];
  language: string;
  tiers: string[];
  regions: string[];
  promoted: boolean;
  availableFrom: string;
  availableUntil: string;
}

const FIELD_PATHS = [
  'name',
  'description',
  'tags',
  'language',
  'eligibility',
  'promoted',
  'availableFrom',
  'availableUntil',
];

const valuesOf = ({ campaign, content }: EditedCampaign): Values => ({
  name: content.name,
  description: content.description,
  tags: content.tags,
  language: content.language,
  tiers: content.eligibility.tiers,
  regions: content.eligibility.regions,
  promoted: campaign.catalogue.promoted,
  availableFrom: toLocalInput(campaign.catalogue.availableFrom),
  availableUntil: toLocalInput(campaign.catalogue.availableUntil),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed, as the two requests take it: the draft's metadata, and the catalogue settings. */
function changesOf(
  values: Values,
  saved: Values,
): { metadata: MetadataChanges | null; catalogue: CatalogueChanges | null } {
  const metadata: MetadataChanges = {};
  if (values.name !== saved.name) metadata.name = values.name;
  if (values.description !== saved.description) metadata.description = values.description;
  if (!same(values.tags, saved.tags)) metadata.tags = values.tags;
  if (values.language !== saved.language) metadata.language = values.language;
  if (!same(values.tiers, saved.tiers) || !same(values.regions, saved.regions))
    metadata.eligibility = { tiers: values.tiers, regions: values.regions };
  const catalogue: CatalogueChanges = {};
  if (values.promoted !== saved.promoted) catalogue.promoted = values.promoted;
  if (values.availableFrom !== saved.availableFrom) catalogue.availableFrom = fromLocalInput(values.availableFrom);
  if (values.availableUntil !== saved.availableUntil) catalogue.availableUntil = fromLocalInput(values.availableUntil);
  return {
    metadata: Object.keys(metadata).length ? metadata : null,
    catalogue: Object.keys(catalogue).length ? catalogue : null,
  };
}

/** Name, description, tags, language and eligibility (saved into the draft), and how the catalogue shows the campaign (at once). */
export function DetailsForm({ edited, save }: { edited: EditedCampaign; save: ReturnType<typeof useSaveDetails> }) {
  const { t } = useTranslation('campaign-editor');
  const saved = valuesOf(edited);
  const [values, setValues] = useState(saved);
  const changes = changesOf(values, saved);
  const changed = !!(changes.metadata || changes.catalogue);
  const readOnly = useDraftReadOnly(edited.campaign);
  const error = isStale(save.error) ? null : save.error;
  // A problem of a field shows under it; any other (or a refusal without problems) above the form.
  const unplaced = otherProblems(error, FIELD_PATHS);
  const field =
    <K extends keyof Values>(name: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(changes, { onSuccess: () => notifications.show({ color: 'teal', message: t('details.saved') }) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('details.form')}>
      <Stack gap="lg" maw={880}>
        <ProblemsAlert title={t('notSaved')} message={headline(error)} problems={unplaced} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('name')}
            required
            value={values.name}
            onChange={(e) => field('name')(e.currentTarget.value)}
            error={messageAt(t, error, 'name')}
          />
          <TextInput
            label={t('details.language')}
            description={t('details.languageHint')}
            required
            value={values.language}
            onChange={(e) => field('language')(e.currentTarget.value)}
            error={messageAt(t, error, 'language')}
          />
        </SimpleGrid>
        <Textarea
          label={t('details.description')}
          description={t('details.descriptionHint')}
          autosize
          minRows={3}
          value={values.description}
          onChange={(e) => field('description')(e.currentTarget.value)}
          error={messageAt(t, error, 'description')}
        />
        <TagsInput
          label={t('details.tags')}
          description={t('details.tagsHint')}
          value={values.tags}
          onChange={field('tags')}
          error={messageAt(t, error, 'tags')}
          clearable
        />
        <Fieldset legend={t('details.eligibility')} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TagsInput
              label={t('details.tiers')}
              description={t('details.tiersHint')}
              value={values.tiers}
              onChange={field('tiers')}
              error={messageAt(t, error, 'eligibility.tiers')}
            />
            <TagsInput
              label={t('details.regions')}
              description={t('details.regionsHint')}
              value={values.regions}
              onChange={field('regions')}
              error={messageAt(t, error, 'eligibility.regions')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('details.catalogue')} variant="filled">
          <Stack gap="md">
            <Checkbox
              label={t('details.promoted')}
              checked={values.promoted}
              onChange={(e) => field('promoted')(e.currentTarget.checked)}
              error={messageAt(t, error, 'promoted')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                type="datetime-local"
                label={t('details.availableFrom')}
                description={t('details.availableFromHint')}
                value={values.availableFrom}
                onChange={(e) => field('availableFrom')(e.currentTarget.value)}
                error={messageAt(t, error, 'availableFrom')}
              />
              <TextInput
                type="datetime-local"
                label={t('details.availableUntil')}
                description={t('details.availableUntilHint')}
                value={values.availableUntil}
                onChange={(e) => field('availableUntil')(e.currentTarget.value)}
                error={messageAt(t, error, 'availableUntil')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={!changed || readOnly}>
            {t('details.save')}
          </Button>
          {changed ? (
            <Button
              variant="default"
              onClick={() => {
                setValues(saved);
                save.reset();
              }}
            >
              {t('undo')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

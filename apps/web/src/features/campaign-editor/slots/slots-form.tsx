import { Trans, useTranslation } from '../../../shared/i18n';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ProblemsAlert } from '../components/problems-alert';
import { isStale, type useSaveSlots } from '../hooks/use-draft-edits';
import type { EditedCampaign, Slot } from '../hooks/use-edited-campaign';
import { headline, otherProblems } from '../problems';
import { SlotFields } from './slot-fields';
import { assetsMentioning } from './slot-mentions';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';
import { useDraftLanguages } from '../languages/use-languages';

const NEW_SLOT: Slot = { name: '', type: 'text', required: false };

/** How a template writes a slot; the words around it are the catalogue's. */
// eslint-disable-next-line tcma/no-untranslated-text -- template syntax, the same in every language
const SlotSyntax = () => <code>{'{{partner.<name>}}'}</code>;

/** The draft's co-brand slots, edited together and saved as one list (PUT slots). */
export function SlotsForm({ edited, save }: { edited: EditedCampaign; save: ReturnType<typeof useSaveSlots> }) {
  const { t } = useTranslation('campaign-editor');
  const saved = edited.content.slots;
  const readOnly = useDraftReadOnly(edited.campaign);
  const [slots, setSlots] = useState<Slot[]>(saved);
  const languages = (useDraftLanguages(edited.campaign.id).data ?? []).map((l) => l.language);
  const changed = JSON.stringify(slots) !== JSON.stringify(saved);
  const error = isStale(save.error) ? null : save.error;
  const unplaced = otherProblems(
    error,
    slots.map((_, i) => `slots[${i}]`),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(slots, { onSuccess: () => notifications.show({ color: 'teal', message: t('slots.saved') }) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('slots.form')}>
      <Stack gap="md">
        <Text size="sm" maw={720}>
          <Trans i18nKey="slots.intro" t={t} components={{ syntax: <SlotSyntax /> }} />
        </Text>
        <ProblemsAlert title={t('notSaved')} message={headline(error)} problems={unplaced} />
        {slots.length === 0 ? <Text c="dimmed">{t('slots.none')}</Text> : null}
        {slots.map((slot, i) => (
          <SlotFields
            key={i}
            index={i}
            slot={slot}
            error={error}
            mentionedIn={assetsMentioning(edited.content.assets, slot.name)}
            languages={languages}
            onChange={(next) => setSlots((all) => all.map((s, j) => (j === i ? next : s)))}
            onRemove={() => setSlots((all) => all.filter((_, j) => j !== i))}
          />
        ))}
        <Group gap="sm">
          <Button variant="default" onClick={() => setSlots((all) => [...all, NEW_SLOT])} disabled={readOnly}>
            {t('slots.add')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!changed || readOnly}>
            {t('slots.save')}
          </Button>
          {changed ? (
            <Button
              variant="subtle"
              onClick={() => {
                setSlots(saved);
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

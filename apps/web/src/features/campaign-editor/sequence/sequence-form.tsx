import { useTranslation } from '../../../shared/i18n';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { isEmail } from '../asset-kind';
import { ProblemsAlert } from '../components/problems-alert';
import { isStale } from '../hooks/use-draft-edits';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { headline } from '../problems';
import { ExitFields } from './exit-fields';
import { isAtField, sequenceProblems } from './sequence-problems';
import { newStep } from './sequence-words';
import { StepFields } from './step-fields';
import { TimelinePanel } from './timeline-panel';
import type { SequenceInput, StepInput, useSaveSequence } from './use-sequence';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';

const EMPTY: SequenceInput = { steps: [], exit: { clickedLink: null, converted: true } };

/** The stored sequence as the form edits it (the API's view, which PUT takes back). */
const asInput = (content: EditedCampaign['content']): SequenceInput =>
  content.sequence
    ? {
        steps: content.sequence.steps.map((s) => ({ ...s, window: s.window ?? null })),
        exit: { clickedLink: content.sequence.exit.clickedLink ?? null, converted: content.sequence.exit.converted },
      }
    : EMPTY;

/** The draft's nurture sequence, edited as a whole and saved in one PUT; its timeline computed by the API as the form stands. */
export function SequenceForm({ edited, save }: { edited: EditedCampaign; save: ReturnType<typeof useSaveSequence> }) {
  const { t } = useTranslation('campaign-editor');
  const { campaign, content } = edited;
  const saved = asInput(content);
  const [sequence, setSequence] = useState<SequenceInput>(saved);
  const hasSaved = content.sequence !== null;
  const changed = JSON.stringify(sequence) !== JSON.stringify(saved);
  const readOnly = useDraftReadOnly(campaign);
  const emails = content.assets.filter(isEmail).map((a) => ({ value: a.id, label: a.name }));
  const error = isStale(save.error) ? null : save.error;
  const problems = sequenceProblems(error);
  const unplaced = problems.filter((p) => !isAtField(p, sequence.steps.length));

  const setSteps = (change: (steps: StepInput[]) => StepInput[]) =>
    setSequence((s) => ({ ...s, steps: change(s.steps) }));
  const move = (i: number, by: -1 | 1) =>
    setSteps((steps) => {
      const next = [...steps];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(sequence, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('sequence.saved') }),
    });
  };

  if (emails.length === 0) {
    return <Text c="dimmed">{t('sequence.needsEmail')}</Text>;
  }

  return (
    <Stack gap="xl">
      <form onSubmit={submit} noValidate aria-label={t('sequence.form')}>
        <Stack gap="md">
          <Text size="sm" maw={720}>
            {t('sequence.intro')}
          </Text>
          <ProblemsAlert title={t('notSaved')} message={headline(error)} problems={unplaced} />
          {sequence.steps.length === 0 ? (
            <Text c="dimmed">{hasSaved ? t('sequence.noStep') : t('sequence.none')}</Text>
          ) : null}
          {sequence.steps.map((step, i) => (
            <StepFields
              key={i}
              index={i}
              count={sequence.steps.length}
              step={step}
              emails={emails}
              problems={problems}
              disabled={readOnly}
              onChange={(next) => setSteps((steps) => steps.map((s, j) => (j === i ? next : s)))}
              onMove={(by) => move(i, by)}
              onRemove={() => setSteps((steps) => steps.filter((_, j) => j !== i))}
            />
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => setSteps((steps) => [...steps, newStep(emails[0].value)])}
              disabled={readOnly}
            >
              {t('sequence.add')}
            </Button>
          </Group>
          {sequence.steps.length || hasSaved ? (
            <ExitFields
              exit={sequence.exit}
              links={content.links.map((l) => l.name)}
              problems={problems}
              disabled={readOnly}
              onChange={(exit) => setSequence((s) => ({ ...s, exit }))}
            />
          ) : null}
          <Group gap="sm" wrap="wrap">
            <Button type="submit" loading={save.isPending && save.variables !== null} disabled={!changed || readOnly}>
              {t('sequence.save')}
            </Button>
            {changed ? (
              <Button
                variant="subtle"
                onClick={() => {
                  setSequence(saved);
                  save.reset();
                }}
              >
                {t('undo')}
              </Button>
            ) : null}
            {hasSaved ? (
              <Button
                variant="default"
                c="red.9"
                loading={save.isPending && save.variables === null}
                disabled={readOnly}
                onClick={() =>
                  save.mutate(null, {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('sequence.removed') }),
                  })
                }
              >
                {t('sequence.remove')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
      {sequence.steps.length ? <TimelinePanel campaignId={campaign.id} sequence={sequence} /> : null}
    </Stack>
  );
}

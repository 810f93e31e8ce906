import { useTranslation } from '../../../shared/i18n';
import { TimeZoneSelect } from '../../../shared/components/time-zone-select';
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ProblemList } from '../components/problem-list';
import { headline, messageIn } from '../problems';
import { sequenceProblems } from './sequence-problems';
import { useSequenceTimeline, type SequenceInput } from './use-sequence';

/** The next full hour in UTC, as a datetime-local field writes it (2026-12-04T15:00). */
function nextHourUtc(): string {
  const d = new Date();
  d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
  return d.toISOString().slice(0, 16);
}

/** A sample prospect's zone and enrolment, and when it would receive each step of the sequence as the form holds it: computed by the API. */
export function TimelinePanel({ campaignId, sequence }: { campaignId: string; sequence: SequenceInput }) {
  const { t } = useTranslation('campaign-editor');
  const [timeZone, setTimeZone] = useState<string>(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [start, setStart] = useState(nextHourUtc);
  const timeline = useSequenceTimeline(campaignId);
  const [askedFor, setAskedFor] = useState<string | null>(null);
  const current = JSON.stringify(sequence);
  const problems = sequenceProblems(timeline.error);
  const atFields = ['timeZone', 'start'];
  const others = problems.filter((p) => !atFields.includes(p.path));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAskedFor(current);
    // The field has no zone: the start is read as UTC, as its label says.
    timeline.mutate({ start: `${start}:00Z`, timeZone, sequence });
  };

  return (
    <Stack component="section" aria-labelledby="timeline-title" gap="sm">
      <Title order={2} size="h3" id="timeline-title">
        {t('timeline.title')}
      </Title>
      <Text size="sm" maw={720}>
        {t('timeline.intro')}
      </Text>
      <form onSubmit={submit} noValidate aria-label={t('timeline.form')}>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TimeZoneSelect
            label={t('timeline.zone')}
            value={timeZone}
            onChange={setTimeZone}
            error={messageIn(t, problems, 'timeZone')}
            w={{ base: '100%', xs: 260 }}
          />
          <TextInput
            label={t('timeline.start')}
            type="datetime-local"
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            error={messageIn(t, problems, 'start')}
            w={{ base: '100%', xs: 240 }}
          />
          <Button type="submit" mt={25} loading={timeline.isPending}>
            {t('timeline.show')}
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        {timeline.error ? (
          <Alert color="red" variant="light" title={t('timeline.none')}>
            {others.length ? (
              <>
                <Text size="sm" mb={4}>
                  {t('timeline.fixFirst')}
                </Text>
                <ProblemList problems={others} />
              </>
            ) : (
              (headline(timeline.error) ?? t('timeline.correctFields'))
            )}
          </Alert>
        ) : null}
        {timeline.data && !timeline.error ? (
          <Stack gap="xs">
            {askedFor !== current ? (
              <Text size="sm" c="orange.9">
                {t('timeline.changed')}
              </Text>
            ) : null}
            <Text size="sm">
              {t('timeline.clock', {
                zone: timeline.data.timeZone,
                start: timeline.data.start.slice(0, 16).replace('T', ' '),
              })}
            </Text>
            {/* Lines break between words, never inside one; on a phone a table wider than the page scrolls sideways. */}
            <Table.ScrollContainer
              minWidth={320}
              scrollAreaProps={{
                viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('timeline.scrolls') },
              }}
            >
              <Table
                bg="white"
                withTableBorder
                aria-label={t('timeline.title')}
                horizontalSpacing="xs"
                className="wrap-words"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="18%">{t('timeline.step')}</Table.Th>
                    <Table.Th>{t('kind.email')}</Table.Th>
                    <Table.Th>{t('timeline.received')}</Table.Th>
                    <Table.Th>{t('timeline.why')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {timeline.data.steps.map((s) => (
                    <Table.Tr key={s.stepId}>
                      <Table.Td>{t('sequence.step.legend', { n: s.index })}</Table.Td>
                      <Table.Td>
                        {s.assetName}
                        {s.conditional ? (
                          <Text span size="xs" c="gray.7" display="block">
                            {t('timeline.conditional')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{s.local}</Table.Td>
                      <Table.Td>{s.explanation}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ) : null}
      </div>
    </Stack>
  );
}

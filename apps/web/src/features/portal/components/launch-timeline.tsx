import { Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useFormat, useTranslation } from '../../../shared/i18n';
import type { LaunchPreview } from '../hooks/use-launches';

const EXCLUSIONS = ['unsubscribed', 'invalid', 'suppressed'] as const;

/** A send time as the prospects of that zone read it on their clocks, in the reader's language. */
function SendTime({ at, timeZone }: { at: string; timeZone: string }) {
  const format = useFormat(timeZone);
  return <time dateTime={at}>{format.clock(at)}</time>;
}

/** The API's dry run, as the partner reviews it: who receives what, when, per time zone; who is left out and why. */
export function LaunchTimeline({ preview }: { preview: LaunchPreview }) {
  const { t } = useTranslation('portal');
  const exclusions = EXCLUSIONS.filter((k) => preview.excluded[k] > 0);
  const excluded: Record<(typeof EXCLUSIONS)[number], string> = {
    unsubscribed: t('timeline.unsubscribed', { count: preview.excluded.unsubscribed }),
    invalid: t('timeline.invalid', { count: preview.excluded.invalid }),
    suppressed: t('timeline.suppressed', { count: preview.excluded.suppressed }),
  };
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <Figure label={t('timeline.inAudience')} value={preview.audience} />
        <Figure label={t('timeline.willBeEnrolled')} value={preview.enrolled} />
        <Figure label={t('figures.leftOut')} value={preview.audience - preview.enrolled} />
      </SimpleGrid>
      {exclusions.length ? (
        <div>
          <Title order={3} size="h5">
            {t('timeline.leftOutWhy')}
          </Title>
          <List size="sm">
            {exclusions.map((k) => (
              <List.Item key={k}>{excluded[k]}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {preview.languages.length > 1 ? <LanguageCounts languages={preview.languages} /> : null}
      <div>
        <Title order={3} size="h5" mb={4}>
          {t('timeline.whenEachEmailGoes')}
        </Title>
        {preview.zones.length === 0 ? (
          <Text size="sm">{t('timeline.nobody')}</Text>
        ) : (
          <Stack gap="sm">
            {preview.zones.map((zone) => (
              <div key={zone.timezone}>
                <Text size="sm" fw={600}>
                  {t('timeline.inZone', { count: zone.prospects, zone: zone.timezone })}
                </Text>
                <List size="sm" listStyleType="none" spacing={2}>
                  {zone.steps.map((step) => (
                    <List.Item key={step.step}>
                      <Group gap={6} wrap="wrap">
                        <Text size="sm" span>
                          {t('timeline.email', { step: step.step })}
                        </Text>
                        <Text size="sm" span fw={600}>
                          <SendTime at={step.sendAt} timeZone={zone.timezone} />
                        </Text>
                        {step.conditional ? (
                          <Badge size="xs" variant="outline" color="gray.8" title={t('timeline.conditionTitle')}>
                            {t('timeline.conditionMet')}
                          </Badge>
                        ) : null}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

/** Who reads which of the campaign's languages, as the API matched them (a campaign in one language shows none). */
function LanguageCounts({ languages }: { languages: LaunchPreview['languages'] }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  return (
    <div>
      <Title order={3} size="h5">
        {t('timeline.inWhichLanguage')}
      </Title>
      <List size="sm">
        {languages.map((l) => (
          <List.Item key={l.language}>
            {t('timeline.inLanguage', { count: l.prospects, language: format.language(l.language) })}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  const format = useFormat();
  return (
    <Stack gap={0} p="xs" bg="gray.0" style={{ borderRadius: 6 }}>
      <Text size="xs">{label}</Text>
      <Text fw={700} size="lg">
        {format.count(value)}
      </Text>
    </Stack>
  );
}

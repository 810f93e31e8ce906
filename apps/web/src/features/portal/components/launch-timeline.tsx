import { Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { APP, format, formatting } from '../../../shared/lib/format';
import type { LaunchPreview } from '../hooks/use-launches';

const EXCLUSIONS = ['unsubscribed', 'invalid', 'suppressed'] as const;
const EXCLUSION_LABELS: Record<(typeof EXCLUSIONS)[number], string> = {
  unsubscribed: 'unsubscribed',
  invalid: 'invalid address (bounced)',
  suppressed: 'suppressed',
};

/** A send time as the prospects of that zone read it on their clocks. */
export function formatInZone(iso: string, timeZone: string): string {
  return formatting({ ...APP, timeZone }).clock(iso);
}

const count = (n: number, one: string, many: string) => `${format.count(n)} ${n === 1 ? one : many}`;

/** The API's dry run, as the partner reviews it: who receives what, when, per time zone; who is left out and why. */
export function LaunchTimeline({ preview }: { preview: LaunchPreview }) {
  const exclusions = EXCLUSIONS.filter((k) => preview.excluded[k] > 0);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <Figure label="In the audience" value={preview.audience} />
        <Figure label="Will be enrolled" value={preview.enrolled} />
        <Figure label="Left out" value={preview.audience - preview.enrolled} />
      </SimpleGrid>
      {exclusions.length ? (
        <div>
          <Title order={3} size="h5">
            Left out, and why
          </Title>
          <List size="sm">
            {exclusions.map((k) => (
              <List.Item key={k}>
                {count(preview.excluded[k], 'prospect', 'prospects')}: {EXCLUSION_LABELS[k]}
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
      <div>
        <Title order={3} size="h5" mb={4}>
          When each email goes
        </Title>
        {preview.zones.length === 0 ? (
          <Text size="sm">Nobody would receive anything: the audience has no prospect who can be emailed.</Text>
        ) : (
          <Stack gap="sm">
            {preview.zones.map((zone) => (
              <div key={zone.timezone}>
                <Text size="sm" fw={600}>
                  {count(zone.prospects, 'prospect', 'prospects')} in {zone.timezone}
                </Text>
                <List size="sm" listStyleType="none" spacing={2}>
                  {zone.steps.map((step) => (
                    <List.Item key={step.step}>
                      <Group gap={6} wrap="wrap">
                        <Text size="sm" span>
                          Email {step.step}:
                        </Text>
                        <Text size="sm" span fw={600}>
                          <time dateTime={step.sendAt}>{formatInZone(step.sendAt, zone.timezone)}</time>
                        </Text>
                        {step.conditional ? (
                          <Badge
                            size="xs"
                            variant="outline"
                            color="gray.8"
                            title="Sent only to those who meet its condition"
                          >
                            if condition met
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

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0} p="xs" bg="gray.0" style={{ borderRadius: 6 }}>
      <Text size="xs">{label}</Text>
      <Text fw={700} size="lg">
        {format.count(value)}
      </Text>
    </Stack>
  );
}

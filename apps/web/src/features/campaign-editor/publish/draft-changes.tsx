import { List, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { QueryError } from '../../../shared/components/query-error';
import type { CampaignContent } from '../hooks/use-edited-campaign';
import { useDraftChanges, type DraftChanges } from './use-publishing';

const FIELD_LABELS: Record<DraftChanges['metadata'][number]['field'], string> = {
  name: 'Name',
  description: 'Description',
  tags: 'Tags',
  language: 'Language',
  eligibility: 'Partner tiers and regions',
};
const KIND_LABELS = { email: 'Email', pdf: 'PDF', social: 'Social post', page: 'Landing page' } as const;

/** A short value as a person reads it ("en", "spring, summer"); longer or structured values are only named. */
function shortValue(value: unknown): string | null {
  if (typeof value === 'string') return value.length <= 60 ? `“${value}”` : null;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.length ? value.join(', ') : 'none';
  return null;
}

/** The changes of one part of the campaign as lines "Added: …", "Removed: …", "Changed: …". */
function lines(changes: { added: string[]; removed: string[]; changed: string[] }): string[] {
  return [
    changes.added.length ? `Added: ${changes.added.join(', ')}` : null,
    changes.removed.length ? `Removed: ${changes.removed.join(', ')}` : null,
    changes.changed.length ? `Changed: ${changes.changed.join(', ')}` : null,
  ].filter((l): l is string => l !== null);
}

function Part({ title, items }: { title: string; items: ReactNode[] }) {
  if (!items.length) return null;
  return (
    <List.Item>
      <Text span fw={600}>
        {title}
      </Text>
      <List withPadding size="sm" listStyleType="disc">
        {items.map((item, i) => (
          <List.Item key={i} className="wrap-anywhere">
            {item}
          </List.Item>
        ))}
      </List>
    </List.Item>
  );
}

/** What publishing the draft would change since the latest version: details, slots, links, assets, steps and exit rules. */
export function DraftChangesSummary({
  campaignId,
  content,
  hasDraft,
}: {
  campaignId: string;
  content: CampaignContent;
  hasDraft: boolean;
}) {
  const changes = useDraftChanges(campaignId, hasDraft);
  const emailName = (id: string) => content.assets.find((a) => a.id === id)?.name ?? 'a removed email';
  const step = (s: { index: number; emailAssetId: string }) => `step ${s.index} (${emailName(s.emailAssetId)})`;
  const asset = (a: { kind: keyof typeof KIND_LABELS; name: string }) => `${KIND_LABELS[a.kind]} “${a.name}”`;

  let body: ReactNode;
  if (!hasDraft) body = <Text size="sm">Nothing: the draft is the latest version.</Text>;
  else if (changes.isError) body = <QueryError error={changes.error} retry={() => void changes.refetch()} />;
  else if (changes.isPending) body = <Skeleton height={60} aria-label="Loading the changes" />;
  else if (!changes.data.hasChanges)
    body = <Text size="sm">Nothing: the draft is the same as version {changes.data.baseVersion}.</Text>;
  else {
    const c = changes.data;
    body = (
      <Stack gap="xs">
        <Text size="sm">
          {c.baseVersion === null ? 'First publication: everything is new.' : `Compared with version ${c.baseVersion}:`}
        </Text>
        <List spacing="xs" aria-label="Changes since the latest version">
          <Part
            title="Details"
            items={c.metadata.map((m) => {
              const [before, after] = [shortValue(m.before), shortValue(m.after)];
              return before !== null && after !== null && c.baseVersion !== null
                ? `${FIELD_LABELS[m.field]}: ${before} → ${after}`
                : FIELD_LABELS[m.field];
            })}
          />
          <Part title="Slots" items={lines(c.slots)} />
          <Part title="Links" items={lines(c.links)} />
          <Part
            title="Assets"
            items={lines({
              added: c.assets.added.map(asset),
              removed: c.assets.removed.map(asset),
              changed: c.assets.changed.map(asset),
            })}
          />
          <Part
            title="Sequence"
            items={[
              ...lines({
                added: c.steps.added.map(step),
                removed: c.steps.removed.map(step),
                changed: c.steps.changed.map(step),
              }),
              ...(c.exitChanged ? ['Exit rules changed'] : []),
            ]}
          />
        </List>
      </Stack>
    );
  }

  return (
    <Stack component="section" aria-labelledby="changes-title" gap="sm">
      <Title order={2} size="h3" id="changes-title">
        What publishing changes
      </Title>
      {body}
    </Stack>
  );
}

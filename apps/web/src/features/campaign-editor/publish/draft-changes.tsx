import { type TFunction, useTranslation } from '../../../shared/i18n';
import { List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { QueryError } from '../../../shared/components/query-error';
import type { CampaignContent } from '../hooks/use-edited-campaign';
import { useDraftChanges, type DraftChanges } from './use-publishing';
import { LoadingBlock } from '../../../shared/components/list-states';

type Field = DraftChanges['metadata'][number]['field'];
type Kind = 'email' | 'pdf' | 'social' | 'page';

/** A short value as a person reads it ("en", "spring, summer"); longer or structured values are only named. */
function shortValue(value: unknown, t: TFunction<'campaign-editor'>): string | null {
  if (typeof value === 'string') return value.length <= 60 ? t('campaign-editor:changes.quoted', { value }) : null;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.length ? value.join(', ') : t('campaign-editor:changes.none');
  return null;
}

/** The changes of one part of the campaign as lines "Added: …", "Removed: …", "Changed: …". */
function lines(
  changes: { added: string[]; removed: string[]; changed: string[] },
  t: TFunction<'campaign-editor'>,
): string[] {
  return [
    changes.added.length ? t('campaign-editor:changes.added', { items: changes.added.join(', ') }) : null,
    changes.removed.length ? t('campaign-editor:changes.removed', { items: changes.removed.join(', ') }) : null,
    changes.changed.length ? t('campaign-editor:changes.changed', { items: changes.changed.join(', ') }) : null,
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
  const { t } = useTranslation('campaign-editor');
  const changes = useDraftChanges(campaignId, hasDraft);
  const fieldLabels: Record<Field, string> = {
    name: t('name'),
    description: t('details.description'),
    tags: t('details.tags'),
    language: t('details.language'),
    eligibility: t('changes.eligibility'),
  };
  const assetLabels: Record<Kind, (name: string) => string> = {
    email: (name) => t('changes.asset.email', { name }),
    pdf: (name) => t('changes.asset.pdf', { name }),
    social: (name) => t('changes.asset.social', { name }),
    page: (name) => t('changes.asset.page', { name }),
  };
  const emailName = (id: string) => content.assets.find((a) => a.id === id)?.name ?? t('changes.removedEmail');
  const step = (s: { index: number; emailAssetId: string }) =>
    t('changes.step', { n: s.index, email: emailName(s.emailAssetId) });
  const asset = (a: { kind: Kind; name: string }) => assetLabels[a.kind](a.name);

  let body: ReactNode;
  if (!hasDraft) body = <Text size="sm">{t('changes.nothingLatest')}</Text>;
  else if (changes.isError) body = <QueryError error={changes.error} retry={() => void changes.refetch()} />;
  else if (changes.isPending) body = <LoadingBlock height={60} label={t('changes.loading')} />;
  else if (!changes.data.hasChanges)
    body = <Text size="sm">{t('changes.nothingSame', { version: changes.data.baseVersion })}</Text>;
  else {
    const c = changes.data;
    body = (
      <Stack gap="xs">
        <Text size="sm">
          {c.baseVersion === null ? t('changes.first') : t('changes.comparedWith', { version: c.baseVersion })}
        </Text>
        <List spacing="xs" aria-label={t('changes.list')}>
          <Part
            title={t('tabs.details')}
            items={c.metadata.map((m) => {
              const [before, after] = [shortValue(m.before, t), shortValue(m.after, t)];
              return before !== null && after !== null && c.baseVersion !== null
                ? t('changes.fieldChanged', { field: fieldLabels[m.field], before, after })
                : fieldLabels[m.field];
            })}
          />
          <Part title={t('tabs.slots')} items={lines(c.slots, t)} />
          <Part title={t('changes.links')} items={lines(c.links, t)} />
          <Part
            title={t('tabs.assets')}
            items={lines(
              {
                added: c.assets.added.map(asset),
                removed: c.assets.removed.map(asset),
                changed: c.assets.changed.map(asset),
              },
              t,
            )}
          />
          <Part
            title={t('tabs.sequence')}
            items={[
              ...lines(
                {
                  added: c.steps.added.map(step),
                  removed: c.steps.removed.map(step),
                  changed: c.steps.changed.map(step),
                },
                t,
              ),
              ...(c.exitChanged ? [t('changes.exitChanged')] : []),
            ]}
          />
        </List>
      </Stack>
    );
  }

  return (
    <Stack component="section" aria-labelledby="changes-title" gap="sm">
      <Title order={2} size="h3" id="changes-title">
        {t('changes.title')}
      </Title>
      {body}
    </Stack>
  );
}

import { useTranslation } from '../../../shared/i18n';
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { DrawnAssetEditor } from './drawn-asset-editor';
import { type PdfAsset, type SocialAsset, useAssetFile } from './use-drawn-assets';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';

type Drawn = PdfAsset | SocialAsset;
type Editing = { kind: 'pdf' | 'social'; assetId: string | null };

const isPdf = (a: EditedCampaign['content']['assets'][number]): a is PdfAsset => 'file' in a;
const isSocial = (a: EditedCampaign['content']['assets'][number]): a is SocialAsset => 'image' in a;

/** A saved asset's editor, once the API has named its file. */
function SavedAssetEditor({
  edited,
  editing,
  onSaved,
  onClose,
}: {
  edited: EditedCampaign;
  editing: Editing & { assetId: string };
  onSaved: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('campaign-editor');
  const asset = edited.content.assets.find((a) => a.id === editing.assetId);
  const file = useAssetFile(edited.campaign.id, editing.assetId);
  if (file.isError)
    return (
      <Alert color="red" role="alert" title={t('drawn.unreadable')}>
        {file.error.message}
      </Alert>
    );
  if (!asset || !file.data) return <Loader size="sm" aria-label={t('drawn.loading')} />;
  if (!isPdf(asset) && !isSocial(asset)) return null;
  return (
    <DrawnAssetEditor
      edited={edited}
      kind={isPdf(asset) ? 'pdf' : 'social'}
      asset={asset}
      file={file.data}
      onSaved={onSaved}
      onClose={onClose}
    />
  );
}

/**
 * The draft's PDFs and social posts, each edited on its page or image: slot rectangles drawn
 * with the mouse or the keyboard, a co-branded preview beside it, and (social) the copy per
 * network counted by the API. Part of the editor's Assets tab.
 */
export function DrawnAssetsSection({ edited }: { edited: EditedCampaign }) {
  const { t } = useTranslation('campaign-editor');
  const { campaign, content } = edited;
  const [editing, setEditing] = useState<Editing | null>(null);
  const drawn = content.assets.filter((a): a is Drawn => isPdf(a) || isSocial(a));
  const readOnly = useDraftReadOnly(campaign);
  const close = () => setEditing(null);
  const saved = (kind: Editing['kind']) => (assetId: string) => setEditing({ kind, assetId });

  return (
    <Stack gap="md" component="section" aria-labelledby="drawn-assets-title" mt="lg">
      <Title order={2} size="h3" id="drawn-assets-title">
        {t('drawn.title')}
      </Title>
      {drawn.length ? (
        <Table bg="white" withTableBorder aria-labelledby="drawn-assets-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assets.asset')}</Table.Th>
              <Table.Th>{t('assets.kind')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('drawn.rects')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('assets.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drawn.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td className="wrap-anywhere">{a.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="indigo" tt="none">
                    {isPdf(a) ? t('drawn.pdfPages', { count: a.file.pages.length }) : t('kind.social')}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="sm">{a.slots.length}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing({ kind: isPdf(a) ? 'pdf' : 'social', assetId: a.id })}
                    aria-label={t('assets.editLabel', { name: a.name })}
                  >
                    {readOnly ? t('drawn.view') : t('assets.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed">{t('drawn.none')}</Text>
      )}
      {editing === null ? (
        <Group gap="sm">
          <Button variant="default" onClick={() => setEditing({ kind: 'pdf', assetId: null })} disabled={readOnly}>
            {t('drawn.addPdf')}
          </Button>
          <Button variant="default" onClick={() => setEditing({ kind: 'social', assetId: null })} disabled={readOnly}>
            {t('drawn.addSocial')}
          </Button>
        </Group>
      ) : editing.assetId === null ? (
        <DrawnAssetEditor
          key={editing.kind}
          edited={edited}
          kind={editing.kind}
          asset={null}
          file={null}
          onSaved={saved(editing.kind)}
          onClose={close}
        />
      ) : (
        <SavedAssetEditor
          key={editing.assetId}
          edited={edited}
          editing={{ ...editing, assetId: editing.assetId }}
          onSaved={saved(editing.kind)}
          onClose={close}
        />
      )}
    </Stack>
  );
}

import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { DrawnAssetEditor } from './drawn-asset-editor';
import { type PdfAsset, type SocialAsset, useAssetFile } from './use-drawn-assets';

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
  const asset = edited.content.assets.find((a) => a.id === editing.assetId);
  const file = useAssetFile(edited.campaign.id, editing.assetId);
  if (file.isError)
    return (
      <Alert color="red" role="alert" title="The asset’s file could not be read">
        {file.error.message}
      </Alert>
    );
  if (!asset || !file.data) return <Loader size="sm" aria-label="Loading the asset" />;
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
  const { campaign, content } = edited;
  const [editing, setEditing] = useState<Editing | null>(null);
  const drawn = content.assets.filter((a): a is Drawn => isPdf(a) || isSocial(a));
  const archived = campaign.status === 'archived';
  const close = () => setEditing(null);
  const saved = (kind: Editing['kind']) => (assetId: string) => setEditing({ kind, assetId });

  return (
    <Stack gap="md" component="section" aria-labelledby="drawn-assets-title" mt="lg">
      <Title order={2} size="h3" id="drawn-assets-title">
        PDFs and social posts
      </Title>
      {drawn.length ? (
        <Table bg="white" withTableBorder aria-labelledby="drawn-assets-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Asset</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th visibleFrom="sm">Slot rectangles</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drawn.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td className="wrap-anywhere">{a.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="indigo" tt="none">
                    {isPdf(a)
                      ? `PDF, ${a.file.pages.length} page${a.file.pages.length === 1 ? '' : 's'}`
                      : 'Social post'}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="sm">{a.slots.length}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing({ kind: isPdf(a) ? 'pdf' : 'social', assetId: a.id })}
                    aria-label={`Edit ${a.name}`}
                  >
                    {archived ? 'View' : 'Edit'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed">No PDF or social post yet.</Text>
      )}
      {editing === null ? (
        <Group gap="sm">
          <Button variant="default" onClick={() => setEditing({ kind: 'pdf', assetId: null })} disabled={archived}>
            Add a PDF
          </Button>
          <Button variant="default" onClick={() => setEditing({ kind: 'social', assetId: null })} disabled={archived}>
            Add a social post
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

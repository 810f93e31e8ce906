import { Button, Grid, Group, Pagination, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { EditedCampaign } from '../../console/hooks/use-campaign';
import { isStale } from '../../console/hooks/use-draft-edits';
import { headline, messageAt, problemsOfItem } from '../../console/problems';
import { ProblemsAlert } from '../../console/components/problems-alert';
import { StaleNotice } from '../../console/components/stale-notice';
import { filePageUrl, type PdfAsset, type PdfRect, type UploadedFile, useSavePdf } from '../hooks/use-drawn-assets';
import { AssetPreview } from './asset-preview';
import { FileField } from './file-field';
import { RectsEditor } from './rects-editor';
import { asRectangle } from '../rect-problems';

interface PdfAssetEditorProps {
  edited: EditedCampaign;
  /** The PDF being edited, or null for a new one. */
  asset: PdfAsset | null;
  /** Its stored file (null for a new PDF until one is uploaded). */
  file: UploadedFile | null;
  onSaved: (assetId: string) => void;
  onClose: () => void;
}

/**
 * A PDF asset: the vendor's file, its pages as the API renders them with the slot rectangles
 * drawn on them, and beside it the saved asset co-branded as the sample partner or a partner.
 * Saved with the draft's revision; the API's problems show at their fields and rectangles.
 */
export function PdfAssetEditor({ edited, asset, file: initialFile, onSaved, onClose }: PdfAssetEditorProps) {
  const { campaign, content } = edited;
  const save = useSavePdf(campaign.id, campaign.revision);
  const [name, setName] = useState(asset?.name ?? '');
  const [file, setFile] = useState<UploadedFile | null>(initialFile);
  const [fileName, setFileName] = useState<string | null>(null);
  const [rects, setRects] = useState<PdfRect[]>(asset?.slots ?? []);
  const [page, setPage] = useState(1);
  const [dirty, setDirty] = useState(false);
  const index = asset ? content.assets.findIndex((a) => a.id === asset.id) : content.assets.length;
  const at = `assets[${index}]`;
  const error = isStale(save.error) ? null : save.error;
  const { others } = problemsOfItem(error, at, ['name', 'fileId', 'slots']);
  const rectProblems = problemsOfItem(error, at, ['slots']).mine.map(asRectangle);
  const pages = file?.kind === 'pdf' ? file.pages : [];
  const size = pages[page - 1];
  const archived = campaign.status === 'archived';

  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    save.mutate(
      { assetId: asset?.id ?? null, pdf: { name, fileId: file.id, slots: rects } },
      {
        onSuccess: (assetId) => {
          setDirty(false);
          notifications.show({ color: 'teal', message: `The PDF “${name}” is saved.` });
          onSaved(assetId);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="pdf-form-title">
      <Stack gap="md" p="md" bg="white" style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}>
        <Title order={3} size="h4" id="pdf-form-title">
          {asset ? `Edit “${asset.name}”` : 'New PDF'}
        </Title>
        <StaleNotice error={save.error} />
        <ProblemsAlert
          title="Not saved"
          message={headline(error) ?? (error ? 'The problems are shown at their fields.' : undefined)}
          problems={[...others, ...rectProblems]}
        />
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label="Name"
            description="For you and partners: the download's title"
            required
            value={name}
            onChange={(e) => changed(setName)(e.currentTarget.value)}
            error={messageAt(error, `${at}.name`)}
            w={{ base: '100%', sm: 320 }}
          />
          <FileField
            label="PDF file"
            description="Up to 100 unrotated pages; the API checks it as it arrives"
            accept="application/pdf"
            file={file}
            name={fileName}
            saveError={error}
            at={at}
            disabled={archived}
            onUploaded={(uploaded, chosen) => {
              setFile(uploaded);
              setFileName(chosen);
              setPage(1);
              // Rectangles on pages the new file does not have would be refused: they go.
              if (uploaded.kind === 'pdf') setRects((rs) => rs.filter((r) => r.page <= uploaded.pages.length));
              setDirty(true);
            }}
          />
        </Group>
        {file && size ? (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="sm">
                <Group justify="space-between" align="center" wrap="wrap">
                  <Title order={4}>Slot rectangles</Title>
                  {pages.length > 1 ? (
                    <Pagination
                      total={pages.length}
                      value={page}
                      onChange={setPage}
                      size="sm"
                      getControlProps={(control) => ({ 'aria-label': `Go to ${control} page` })}
                      getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
                    />
                  ) : null}
                </Group>
                <RectsEditor
                  imageUrl={filePageUrl(file.id, page)}
                  imageLabel={`Page ${page} of the PDF, without co-branding`}
                  area={size}
                  origin="bottom-left"
                  unit="pt"
                  rects={rects}
                  page={page}
                  slots={content.slots}
                  at={`${at}.slots`}
                  error={error}
                  disabled={archived}
                  onChange={changed(setRects)}
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <AssetPreview
                campaignId={campaign.id}
                assetId={asset?.id ?? null}
                revision={campaign.revision}
                query={{ page: String(page) }}
                dirty={dirty}
                aspect={size.width / size.height}
              />
            </Grid.Col>
          </Grid>
        ) : (
          <Text c="dimmed" size="sm">
            Upload the PDF to draw where partners’ logos and details go.
          </Text>
        )}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={!file || archived}>
            Save the PDF
          </Button>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

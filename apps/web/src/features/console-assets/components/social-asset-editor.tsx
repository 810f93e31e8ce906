import { Button, Grid, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ProblemsAlert } from '../../console/components/problems-alert';
import { StaleNotice } from '../../console/components/stale-notice';
import type { EditedCampaign } from '../../console/hooks/use-campaign';
import { isStale } from '../../console/hooks/use-draft-edits';
import { headline, messageAt, problemsOfItem } from '../../console/problems';
import {
  filePageUrl,
  type SocialAsset,
  type SocialCopy,
  type SocialRect,
  type UploadedFile,
  useSaveSocial,
} from '../hooks/use-drawn-assets';
import { asRectangle } from '../rect-problems';
import { AssetPreview } from './asset-preview';
import { FileField } from './file-field';
import { RectsEditor } from './rects-editor';
import { SocialCopyFields } from './social-copy-fields';

/** The image sizes the API renders (its OpenAPI enum), with each network's aspect. */
const SIZES = [
  { value: 'linkedin', label: 'LinkedIn', aspect: 1200 / 627 },
  { value: 'facebook', label: 'Facebook', aspect: 1200 / 630 },
  { value: 'x', label: 'X', aspect: 1600 / 900 },
  { value: 'square', label: 'Square (Instagram)', aspect: 1 },
];

interface SocialAssetEditorProps {
  edited: EditedCampaign;
  asset: SocialAsset | null;
  file: UploadedFile | null;
  onSaved: (assetId: string) => void;
  onClose: () => void;
}

/**
 * A social post: the background image with its slot rectangles (pixels from the top-left), the
 * copy per network with the API's live count, and the saved post co-branded beside it.
 */
export function SocialAssetEditor({ edited, asset, file: initialFile, onSaved, onClose }: SocialAssetEditorProps) {
  const { campaign, content } = edited;
  const save = useSaveSocial(campaign.id, campaign.revision);
  const [name, setName] = useState(asset?.name ?? '');
  const [file, setFile] = useState<UploadedFile | null>(initialFile);
  const [fileName, setFileName] = useState<string | null>(null);
  const [rects, setRects] = useState<SocialRect[]>(asset?.slots ?? []);
  const [copy, setCopy] = useState<SocialCopy>(asset?.copy ?? {});
  const [size, setSize] = useState('linkedin');
  const [dirty, setDirty] = useState(false);
  const index = asset ? content.assets.findIndex((a) => a.id === asset.id) : content.assets.length;
  const at = `assets[${index}]`;
  const error = isStale(save.error) ? null : save.error;
  const { others } = problemsOfItem(error, at, ['name', 'fileId', 'slots', 'copy']);
  const rectProblems = problemsOfItem(error, at, ['slots']).mine.map(asRectangle);
  const area = file?.kind === 'image' ? { width: file.width, height: file.height } : null;
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
      { assetId: asset?.id ?? null, social: { name, fileId: file.id, slots: rects, copy } },
      {
        onSuccess: (assetId) => {
          setDirty(false);
          notifications.show({ color: 'teal', message: `The social post “${name}” is saved.` });
          onSaved(assetId);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="social-form-title">
      <Stack gap="md" p="md" bg="white" style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}>
        <Title order={3} size="h4" id="social-form-title">
          {asset ? `Edit “${asset.name}”` : 'New social post'}
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
            description="For you and partners"
            required
            value={name}
            onChange={(e) => changed(setName)(e.currentTarget.value)}
            error={messageAt(error, `${at}.name`)}
            w={{ base: '100%', sm: 320 }}
          />
          <FileField
            label="Background image"
            description="PNG, JPEG or WebP; partners’ logos and names are drawn on it"
            accept="image/png,image/jpeg,image/webp"
            file={file}
            name={fileName}
            saveError={error}
            at={at}
            disabled={archived}
            onUploaded={(uploaded, chosen) => {
              setFile(uploaded);
              setFileName(chosen);
              setDirty(true);
            }}
          />
        </Group>
        {file && area ? (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="sm">
                <Title order={4}>Slot rectangles</Title>
                <RectsEditor
                  imageUrl={filePageUrl(file.id, 1)}
                  imageLabel="The background image, without co-branding"
                  area={area}
                  origin="top-left"
                  unit="px"
                  rects={rects}
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
                query={{ size }}
                dirty={dirty}
                aspect={SIZES.find((s) => s.value === size)?.aspect ?? 1}
                extra={
                  <Select
                    label="Size"
                    data={SIZES.map(({ value, label }) => ({ value, label }))}
                    value={size}
                    allowDeselect={false}
                    onChange={(v) => setSize(v ?? 'linkedin')}
                    w={180}
                  />
                }
              />
            </Grid.Col>
          </Grid>
        ) : (
          <Text c="dimmed" size="sm">
            Upload the background image to draw where partners’ logos and names go.
          </Text>
        )}
        <Stack gap="sm" component="section" aria-labelledby="social-copy-title">
          <Title order={4} id="social-copy-title">
            Post copy
          </Title>
          <SocialCopyFields
            campaignId={campaign.id}
            assetId={asset?.id ?? null}
            at={`${at}.copy`}
            copy={copy}
            error={error}
            disabled={archived}
            onChange={changed(setCopy)}
          />
        </Stack>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={!file || archived}>
            Save the social post
          </Button>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

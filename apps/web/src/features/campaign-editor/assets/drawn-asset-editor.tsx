import { useTranslation } from '../../../shared/i18n';
import { Button, Grid, Group, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { ProblemsAlert } from '../components/problems-alert';
import { StaleNotice } from '../components/stale-notice';
import { isStale } from '../hooks/use-draft-edits';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { headline, messageAt, problemsOfItem } from '../problems';
import { AssetPreview } from './asset-preview';
import { SocialSizeSelect, socialAspect } from './social-sizes';
import { FileField } from './file-field';
import { asRectangle } from './rect-problems';
import { RectsEditor, type DrawnRect } from './rects-editor';
import { SocialCopyFields } from './social-copy-fields';
import {
  DrawnVariants,
  pdfVariantInputs,
  socialVariantInputs,
  variantDrafts,
  type VariantDraft,
} from './drawn-variants';
import { useLanguageTitle } from '../languages/language-words';
import {
  filePageUrl,
  useSaveDrawnAsset,
  type DrawnAsset,
  type DrawnKind,
  type PdfRect,
  type SocialCopy,
  type UploadedFile,
} from './use-drawn-assets';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';

/** Every rectangle of a PDF names its page. */
const onAPage = (r: DrawnRect): r is PdfRect => r.page !== undefined;

/** What tells a PDF's editor from a social post's: its file, and its rectangles' units (its words: useWords). */
const KINDS = {
  pdf: {
    accept: 'application/pdf',
    // PDF points from the page's bottom-left corner.
    origin: 'bottom-left',
    unit: 'pt',
    fields: ['name', 'fileId', 'slots'],
  },
  social: {
    accept: 'image/png,image/jpeg,image/webp',
    // Pixels of the background from its top-left corner.
    origin: 'top-left',
    unit: 'px',
    fields: ['name', 'fileId', 'slots', 'copy'],
  },
} as const;

/** The words of a PDF's editor or a social post's. */
function useWords(kind: DrawnKind) {
  const { t } = useTranslation('campaign-editor');
  return kind === 'pdf'
    ? {
        saved: (name: string) => t('drawn.pdfSaved', { name }),
        save: t('drawn.pdfSave'),
        newTitle: t('drawn.pdfNewTitle'),
        nameDescription: t('drawn.pdfNameHint'),
        fileLabel: t('drawn.pdfFile'),
        fileDescription: t('drawn.pdfFileHint'),
        empty: t('drawn.pdfEmpty'),
      }
    : {
        saved: (name: string) => t('drawn.socialSaved', { name }),
        save: t('drawn.socialSave'),
        newTitle: t('drawn.socialNewTitle'),
        nameDescription: t('drawn.socialNameHint'),
        fileLabel: t('drawn.socialFile'),
        fileDescription: t('drawn.socialFileHint'),
        empty: t('drawn.socialEmpty'),
      };
}

interface DrawnAssetEditorProps {
  edited: EditedCampaign;
  kind: DrawnKind;
  /** The asset being edited, or null for a new one. */
  asset: DrawnAsset | null;
  /** Its stored file (null for a new asset until one is uploaded). */
  file: UploadedFile | null;
  onSaved: (assetId: string) => void;
  onClose: () => void;
}

/**
 * A PDF or a social post: the vendor's file (a PDF's pages, a post's background image) as the
 * API renders it with the slot rectangles drawn on it, beside it the saved asset co-branded as
 * the sample partner or a partner, and (a post) its copy per network with the API's live count.
 * Saved with the draft's revision; the API's problems show at their fields and rectangles.
 */
export function DrawnAssetEditor({ edited, kind, asset, file: initialFile, onSaved, onClose }: DrawnAssetEditorProps) {
  const { t } = useTranslation('campaign-editor');
  const words = { ...KINDS[kind], ...useWords(kind) };
  const controls = {
    first: t('drawn.firstPage'),
    previous: t('drawn.previousPage'),
    next: t('drawn.nextPage'),
    last: t('drawn.lastPage'),
  };
  const { campaign, content } = edited;
  const save = useSaveDrawnAsset(campaign.id, campaign.revision);
  const [name, setName] = useState(asset?.name ?? '');
  const [file, setFile] = useState<UploadedFile | null>(initialFile);
  const [fileName, setFileName] = useState<string | null>(null);
  // A social post's rectangles have no page; a PDF's each name theirs.
  const [rects, setRects] = useState<DrawnRect[]>(asset?.slots ?? []);
  const [copy, setCopy] = useState<SocialCopy>(asset && 'copy' in asset ? asset.copy : {});
  const [page, setPage] = useState(1);
  const [size, setSize] = useState('linkedin');
  const [dirty, setDirty] = useState(false);
  const [variants, setVariants] = useState<VariantDraft[]>(() => variantDrafts(asset));
  // Once saved, the versions are the API's (tags canonical, states judged): read again from the saved asset.
  const [variantsOf, setVariantsOf] = useState(asset?.variants);
  if (asset?.variants !== variantsOf && !save.isPending) {
    setVariantsOf(asset?.variants);
    if (!dirty) setVariants(variantDrafts(asset));
  }
  // The saved language version the preview shows; '' the asset itself.
  const [previewLanguage, setPreviewLanguage] = useState('');
  const languageTitle = useLanguageTitle();
  const savedLanguages = Object.keys(asset?.variants ?? {});
  const shownLanguage = savedLanguages.includes(previewLanguage) ? previewLanguage : '';
  const languageQuery: Record<string, string> = shownLanguage ? { language: shownLanguage } : {};
  const languageSelect = savedLanguages.length ? (
    <Select
      label={t('variants.previewLanguage')}
      data={[
        { value: '', label: t('variants.default', { language: languageTitle(content.language) }) },
        ...savedLanguages.map((l) => ({ value: l, label: languageTitle(l) })),
      ]}
      value={shownLanguage}
      allowDeselect={false}
      onChange={(v) => setPreviewLanguage(v ?? '')}
      w={220}
    />
  ) : null;
  const index = asset ? content.assets.findIndex((a) => a.id === asset.id) : content.assets.length;
  const at = `assets[${index}]`;
  const error = isStale(save.error) ? null : save.error;
  const { others } = problemsOfItem(error, at, [...words.fields]);
  const rectProblems = problemsOfItem(error, at, ['slots']).mine.map(asRectangle);
  const pages = file?.kind === 'pdf' ? file.pages : [];
  const area = file?.kind === 'image' ? { width: file.width, height: file.height } : pages[page - 1];
  const readOnly = useDraftReadOnly(campaign);
  const titleId = `${kind}-form-title`;

  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const common = { name, fileId: file.id };
    save.mutate(
      kind === 'pdf'
        ? {
            kind,
            assetId: asset?.id ?? null,
            body: { ...common, slots: rects.filter(onAPage), variants: pdfVariantInputs(variants) },
          }
        : {
            kind,
            assetId: asset?.id ?? null,
            body: { ...common, slots: rects, copy, variants: socialVariantInputs(variants) },
          },
      {
        onSuccess: (assetId) => {
          setDirty(false);
          notifications.show({ color: 'teal', message: words.saved(name) });
          onSaved(assetId);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Stack gap="md" p="md" className={classes.panel}>
        <Title order={3} size="h4" id={titleId}>
          {asset ? t('assets.editTitle', { name: asset.name }) : words.newTitle}
        </Title>
        <StaleNotice error={save.error} />
        <ProblemsAlert
          title={t('notSaved')}
          message={headline(error) ?? (error ? t('drawn.atFields') : undefined)}
          problems={[...others, ...rectProblems]}
        />
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label={t('name')}
            description={words.nameDescription}
            required
            value={name}
            onChange={(e) => changed(setName)(e.currentTarget.value)}
            error={messageAt(t, error, `${at}.name`)}
            w={{ base: '100%', sm: 320 }}
          />
          <FileField
            label={words.fileLabel}
            description={words.fileDescription}
            accept={words.accept}
            file={file}
            name={fileName}
            saveError={error}
            at={at}
            disabled={readOnly}
            onUploaded={(uploaded, chosen) => {
              setFile(uploaded);
              setFileName(chosen);
              setPage(1);
              // Rectangles on pages the new file does not have would be refused: they go.
              if (uploaded.kind === 'pdf')
                setRects((rs) => rs.filter((r) => r.page === undefined || r.page <= uploaded.pages.length));
              setDirty(true);
            }}
          />
        </Group>
        {file && area ? (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="sm">
                <Group justify="space-between" align="center" wrap="wrap">
                  <Title order={4}>{t('drawn.rects')}</Title>
                  {pages.length > 1 ? (
                    <Pagination
                      total={pages.length}
                      value={page}
                      onChange={setPage}
                      size="sm"
                      getControlProps={(control) => ({ 'aria-label': controls[control] })}
                      getItemProps={(p) => ({ 'aria-label': t('drawn.page', { page: p }) })}
                    />
                  ) : null}
                </Group>
                <RectsEditor
                  imageUrl={filePageUrl(file.id, kind === 'pdf' ? page : 1)}
                  imageLabel={kind === 'pdf' ? t('drawn.pdfPageImage', { page }) : t('drawn.socialImage')}
                  area={area}
                  origin={words.origin}
                  unit={words.unit}
                  rects={rects}
                  page={kind === 'pdf' ? page : undefined}
                  slots={content.slots}
                  at={`${at}.slots`}
                  error={error}
                  disabled={readOnly}
                  onChange={changed(setRects)}
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              {kind === 'pdf' ? (
                <AssetPreview
                  campaignId={campaign.id}
                  assetId={asset?.id ?? null}
                  revision={campaign.revision}
                  query={{ page: String(page), ...languageQuery }}
                  dirty={dirty}
                  aspect={area.width / area.height}
                  extra={languageSelect}
                />
              ) : (
                <AssetPreview
                  campaignId={campaign.id}
                  assetId={asset?.id ?? null}
                  revision={campaign.revision}
                  query={{ size, ...languageQuery }}
                  dirty={dirty}
                  aspect={socialAspect(size)}
                  extra={
                    <>
                      <SocialSizeSelect value={size} onChange={setSize} />
                      {languageSelect}
                    </>
                  }
                />
              )}
            </Grid.Col>
          </Grid>
        ) : (
          <Text c="dimmed" size="sm">
            {words.empty}
          </Text>
        )}
        {kind === 'social' ? (
          <Stack gap="sm" component="section" aria-labelledby="social-copy-title">
            <Title order={4} id="social-copy-title">
              {t('drawn.copy')}
            </Title>
            <SocialCopyFields
              campaignId={campaign.id}
              assetId={asset?.id ?? null}
              at={`${at}.copy`}
              copy={copy}
              error={error}
              disabled={readOnly}
              onChange={changed(setCopy)}
            />
          </Stack>
        ) : null}
        {asset ? (
          <DrawnVariants
            campaignId={campaign.id}
            kind={kind}
            assetId={asset.id}
            at={at}
            variants={variants}
            error={error}
            disabled={readOnly}
            onChange={changed(setVariants)}
          />
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={!file || readOnly}>
            {words.save}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

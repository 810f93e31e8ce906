import { Badge, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import { LanguageTagInput } from '../languages/language-tag-input';
import { useEmailStates, useLanguageTitle } from '../languages/language-words';
import { useDraftLanguages } from '../languages/use-languages';
import { messageAt } from '../problems';
import { FileField } from './file-field';
import { SocialCopyFields } from './social-copy-fields';
import type { DrawnAsset, DrawnKind, PdfInput, SocialCopy, SocialInput, UploadedFile } from './use-drawn-assets';

/** A language version as the form holds it until the asset is saved. */
export interface VariantDraft {
  language: string;
  /** Saved with the asset already: without a new file, it keeps the one it has. */
  saved: boolean;
  /** A PDF's file in this language (a new language needs one). */
  file?: UploadedFile;
  fileName?: string;
  /** A social post's copy in this language; a network left empty posts the default's. */
  copy?: SocialCopy;
  /** It was stale and the marketer says it still fits the default as it is now. */
  confirmCurrent?: boolean;
}

/** The form's language versions of a saved asset, from what the API holds. */
export function variantDrafts(asset: DrawnAsset | null): VariantDraft[] {
  if (!asset) return [];
  // Typed apart by their fields (the document's kind names the schema): a post has copy.
  if (!('copy' in asset)) return Object.keys(asset.variants ?? {}).map((language) => ({ language, saved: true }));
  return Object.entries(asset.variants ?? {}).map(([language, v]) => ({ language, saved: true, copy: v.copy }));
}

/** A PDF's versions as PUT …/assets/pdf/{assetId} takes them: without a new file, one keeps its own. */
export const pdfVariantInputs = (drafts: VariantDraft[]): NonNullable<PdfInput['variants']> =>
  drafts.map((v) => ({
    language: v.language,
    ...(v.file ? { fileId: v.file.id } : {}),
    ...(v.confirmCurrent ? { confirmCurrent: true } : {}),
  }));

/** A post's versions as PUT …/assets/social/{assetId} takes them (an image of its own is kept as it is). */
export const socialVariantInputs = (drafts: VariantDraft[]): NonNullable<SocialInput['variants']> =>
  drafts.map((v) => ({
    language: v.language,
    copy: v.copy ?? {},
    ...(v.confirmCurrent ? { confirmCurrent: true } : {}),
  }));

interface DrawnVariantsProps {
  campaignId: string;
  kind: DrawnKind;
  assetId: string;
  /** Where the asset's problems are (`assets[i]`). */
  at: string;
  variants: VariantDraft[];
  error: unknown;
  disabled: boolean;
  onChange: (variants: VariantDraft[]) => void;
}

/**
 * The asset in other languages: each partner is given the version closest to its language, and
 * this one where none is close. Each version's state (current, or stale once the default
 * changed) is the API's; changes are saved with the asset.
 */
export function DrawnVariants({
  campaignId,
  kind,
  assetId,
  at,
  variants,
  error,
  disabled,
  onChange,
}: DrawnVariantsProps) {
  const { t } = useTranslation('campaign-editor');
  const title = useLanguageTitle();
  const states = useEmailStates();
  const languages = useDraftLanguages(campaignId);
  const [tag, setTag] = useState('');
  const [file, setFile] = useState<{ file: UploadedFile; name: string } | null>(null);
  const headingId = useId();
  const stateOf = (language: string) =>
    languages.data?.find((l) => l.language === language)?.assets.find((d) => d.assetId === assetId)?.state;
  const update = (i: number, change: Partial<VariantDraft>) =>
    onChange(variants.map((v, j) => (j === i ? { ...v, ...change } : v)));
  const add = () => {
    onChange([
      ...variants,
      {
        language: tag.trim(),
        saved: false,
        ...(file ? { file: file.file, fileName: file.name } : {}),
        ...(kind === 'social' ? { copy: {} } : {}),
      },
    ]);
    setTag('');
    setFile(null);
  };
  const canAdd = tag.trim() !== '' && (kind === 'social' || file !== null);

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={4} id={headingId}>
        {t('variants.title')}
      </Title>
      <Text size="sm">{kind === 'pdf' ? t('variants.pdfIntro') : t('variants.socialIntro')}</Text>
      {variants.map((v, i) => {
        const state = v.saved ? stateOf(v.language) : undefined;
        const badge = state ? states(state) : null;
        return (
          <Stack key={`${v.language}-${i}`} gap="xs" p="sm" className={classes.panel}>
            <Group justify="space-between" align="center" gap="xs" wrap="wrap">
              <Group gap="xs">
                <Text fw={600}>{title(v.language)}</Text>
                {badge ? (
                  <Badge color={badge.color} variant="filled" autoContrast tt="none">
                    {badge.label}
                  </Badge>
                ) : (
                  <Badge color="gray.8" variant="outline" tt="none">
                    {t('variants.unsaved')}
                  </Badge>
                )}
              </Group>
              <Button
                variant="default"
                size="xs"
                c="red.9"
                disabled={disabled}
                onClick={() => onChange(variants.filter((_, j) => j !== i))}
              >
                {t('variants.remove', { language: title(v.language) })}
              </Button>
            </Group>
            {(messageAt(t, error, `variants[${i}].language`) ?? messageAt(t, error, `variants[${i}].fileId`)) ? (
              <Text size="sm" c="red.9" role="alert">
                {messageAt(t, error, `variants[${i}].language`) ?? messageAt(t, error, `variants[${i}].fileId`)}
              </Text>
            ) : null}
            {kind === 'pdf' && v.fileName ? (
              <Text size="sm" className="wrap-anywhere">
                {v.fileName}
              </Text>
            ) : null}
            {state === 'stale' ? (
              <Checkbox
                label={t('variants.confirmCurrent')}
                checked={v.confirmCurrent ?? false}
                disabled={disabled}
                onChange={(e) => update(i, { confirmCurrent: e.currentTarget.checked })}
              />
            ) : null}
            {kind === 'social' ? (
              <SocialCopyFields
                campaignId={campaignId}
                assetId={assetId}
                at={`${at}.variants.${v.language}.copy`}
                copy={v.copy ?? {}}
                error={error}
                disabled={disabled}
                onChange={(copy) => update(i, { copy })}
              />
            ) : null}
          </Stack>
        );
      })}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <LanguageTagInput value={tag} onChange={setTag} error={undefined} disabled={disabled} />
        {kind === 'pdf' ? (
          <FileField
            label={t('variants.file')}
            description={t('variants.fileHint')}
            accept="application/pdf"
            file={file?.file ?? null}
            name={file?.name ?? null}
            saveError={null}
            at="variants"
            disabled={disabled}
            onUploaded={(uploaded, name) => setFile({ file: uploaded, name })}
          />
        ) : null}
        <Button variant="default" onClick={add} disabled={disabled || !canAdd}>
          {t('variants.add')}
        </Button>
      </Group>
    </Stack>
  );
}

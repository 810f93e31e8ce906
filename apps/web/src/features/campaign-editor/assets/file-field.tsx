import { useTranslation } from '../../../shared/i18n';
import { Button, FileButton, Group, Input, Text } from '@mantine/core';
import { useId } from 'react';
import { headline, messageAt } from '../problems';
import { type UploadedFile, useUploadFile } from './use-drawn-assets';

interface FileFieldProps {
  label: string;
  description: string;
  accept: string;
  file: UploadedFile | null;
  /** What the saved asset's file is called, or the chosen file's name. */
  name: string | null;
  /** The save's refusal, for its fileId problem. */
  saveError: unknown;
  at: string;
  disabled?: boolean;
  onUploaded: (file: UploadedFile, name: string) => void;
}

/** Chooses and uploads the vendor's file at once; the API's refusal (type, size, a broken PDF) shows under it in its words. */
export function FileField({
  label,
  description,
  accept,
  file,
  name,
  saveError,
  at,
  disabled,
  onUploaded,
}: FileFieldProps) {
  const { t } = useTranslation('campaign-editor');
  const upload = useUploadFile();
  const id = useId();
  const error = upload.error
    ? (messageAt(t, upload.error, 'file') ?? headline(upload.error))
    : messageAt(t, saveError, `${at}.fileId`);
  const summary = file
    ? file.kind === 'pdf'
      ? t('file.pages', { count: file.pages.length })
      : t('file.pixels', { width: file.width, height: file.height })
    : null;
  return (
    <Input.Wrapper label={label} description={description} error={error} id={id}>
      <Group gap="sm" mt={4} wrap="wrap">
        <FileButton
          accept={accept}
          disabled={disabled || upload.isPending}
          onChange={(chosen) => {
            if (!chosen) return;
            upload.mutate(chosen, { onSuccess: (uploaded) => onUploaded(uploaded, chosen.name) });
          }}
        >
          {(props) => (
            <Button
              {...props}
              variant="default"
              loading={upload.isPending}
              aria-describedby={error ? `${id}-error` : undefined}
            >
              {file ? t('file.replace') : t('file.choose')}
            </Button>
          )}
        </FileButton>
        {file ? (
          <Text size="sm" className="wrap-anywhere">
            {name ? t('file.named', { name, summary }) : summary}
          </Text>
        ) : null}
      </Group>
    </Input.Wrapper>
  );
}

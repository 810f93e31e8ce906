import { Box, Button, Card, Center, FileButton, Group, Image, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { fieldError } from '../lib/field-error';
import { sameOrigin } from '../lib/same-origin';
import { useTranslation } from '../i18n';
import classes from './panel.module.css';

/** What the API's logo pipeline takes (partners' logos, vendors' logos and favicons), in the reader's language. */
export function useImageRules(): string {
  return useTranslation('shared').t('imageUpload.rules');
}

/** The card's sentences about its image, whole, from the caller's catalogue ("Your new logo is saved."). */
export interface ImageUploadWords {
  saved: string;
  removed: string;
  choose: string;
  chooseAnother: string;
  remove: string;
  /** The upload was refused, with the API's reason. */
  notSaved: (reason: string) => string;
}

/** The image's stored form, as brand answers give it. */
export interface StoredImage {
  pngUrl: string;
  width: number;
  height: number;
}

export interface ImageUploadCardProps<T> {
  /** The section's id and heading: "logo", "Logo". */
  id: string;
  title: string;
  /** What the API accepts (types, size), in a line. */
  hint: string;
  image: StoredImage | null;
  alt: string;
  /** What stands in while there is no image. */
  empty: string;
  words: ImageUploadWords;
  upload: UseMutationResult<T, Error, File>;
  remove: UseMutationResult<T, Error, void>;
}

/**
 * A brand's image (a partner's logo, a vendor's logo or favicon): the current one, and a new one
 * by drop or file picker, uploaded at once; the API judges the file and says why it refuses one.
 */
export function ImageUploadCard<T>(props: ImageUploadCardProps<T>) {
  const { id, title, hint, image, alt, empty, words, upload, remove } = props;
  const { t } = useTranslation('shared');
  const reset = useRef<() => void>(null);
  const [dragging, setDragging] = useState(false);
  const error = upload.error ? (fieldError(upload.error, 'file') ?? upload.error.message) : remove.error?.message;

  const send = (file: File | null) => {
    if (!file) return;
    remove.reset();
    upload.mutate(file, {
      onSuccess: () => notifications.show({ color: 'teal', message: words.saved }),
      // The same file may be picked again once it is fixed.
      onSettled: () => reset.current?.(),
    });
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files[0] ?? null);
  };

  return (
    <Card padding="lg" component="section" id={id} aria-labelledby={`${id}-title`} style={{ scrollMarginTop: 80 }}>
      <Title order={2} size="h3" id={`${id}-title`} mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {hint}
      </Text>
      <Stack gap="md">
        <Center mih={140} p="md" className={classes.tinted}>
          {image ? (
            <Image src={sameOrigin(image.pngUrl)} alt={alt} fit="contain" mah={120} maw="100%" w="auto" />
          ) : (
            <Text size="sm" ta="center">
              {empty}
            </Text>
          )}
        </Center>
        {image ? (
          <Text size="xs" c="dimmed" mt={-8}>
            {t('imageUpload.storedAt', { width: image.width, height: image.height })}
          </Text>
        ) : null}

        <Box
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          p="md"
          style={{
            borderRadius: 'var(--mantine-radius-md)',
            border: `2px dashed var(--mantine-color-${dragging ? 'indigo-6' : 'gray-4'})`,
            background: dragging ? 'var(--mantine-color-indigo-0)' : undefined,
          }}
        >
          <Stack gap="xs" align="center">
            <Text size="sm" ta="center">
              {t('imageUpload.drop')}
            </Text>
            <FileButton onChange={send} accept="image/png,image/jpeg,image/webp,image/svg+xml" resetRef={reset}>
              {(buttonProps) => (
                <Button {...buttonProps} variant="default" loading={upload.isPending}>
                  {image ? words.chooseAnother : words.choose}
                </Button>
              )}
            </FileButton>
          </Stack>
        </Box>
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {upload.error ? words.notSaved(error) : error}
          </Text>
        ) : null}
        {image ? (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              color="red"
              c="red.9"
              size="compact-sm"
              loading={remove.isPending}
              onClick={() => {
                upload.reset();
                remove.mutate(undefined, {
                  onSuccess: () => notifications.show({ color: 'teal', message: words.removed }),
                });
              }}
            >
              {words.remove}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

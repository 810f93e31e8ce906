import { Box, Button, Card, Center, FileButton, Group, Image, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { fieldError } from '../lib/field-error';
import { sameOrigin } from '../lib/same-origin';
import classes from './panel.module.css';

/** What the API's logo pipeline takes (partners' logos, vendors' logos and favicons), in the words of the page. */
export const LOGO_RULES = 'PNG, JPEG, WebP or SVG, up to 5 MB. It is trimmed and fitted into 1200 × 600 px.';

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
  /** "logo", "favicon": in the button and the messages. */
  noun: string;
  upload: UseMutationResult<T, Error, File>;
  remove: UseMutationResult<T, Error, void>;
  /** Whose image it is in the messages: "Your" or "The". */
  owner?: string;
}

/**
 * A brand's image (a partner's logo, a vendor's logo or favicon): the current one, and a new one
 * by drop or file picker, uploaded at once; the API judges the file and says why it refuses one.
 */
export function ImageUploadCard<T>(props: ImageUploadCardProps<T>) {
  const { id, title, hint, image, alt, empty, noun, upload, remove, owner = 'Your' } = props;
  const reset = useRef<() => void>(null);
  const [dragging, setDragging] = useState(false);
  const error = upload.error ? (fieldError(upload.error, 'file') ?? upload.error.message) : remove.error?.message;

  const send = (file: File | null) => {
    if (!file) return;
    remove.reset();
    upload.mutate(file, {
      onSuccess: () => notifications.show({ color: 'teal', message: `${owner} new ${noun} is saved.` }),
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
            Stored at {image.width} × {image.height} px.
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
              Drop an image here, or
            </Text>
            <FileButton onChange={send} accept="image/png,image/jpeg,image/webp,image/svg+xml" resetRef={reset}>
              {(buttonProps) => (
                <Button {...buttonProps} variant="default" loading={upload.isPending}>
                  {image ? `Choose another ${noun}` : `Choose a ${noun}`}
                </Button>
              )}
            </FileButton>
          </Stack>
        </Box>
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {upload.error ? `The ${noun} was not saved: ${error}` : error}
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
                  onSuccess: () => notifications.show({ color: 'teal', message: `${owner} ${noun} is removed.` }),
                });
              }}
            >
              Remove the {noun}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

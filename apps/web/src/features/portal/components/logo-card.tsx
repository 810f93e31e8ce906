import { Box, Button, Card, Center, FileButton, Group, Image, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type DragEvent } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { fieldError } from '../../../shared/lib/field-error';
import { useRemoveLogo, useUploadLogo, type BrandKit } from '../hooks/use-brand-kit';

/**
 * The logo's URL is absolute (emails need one), on the engine's public address; the page reads
 * the same path from the engine that served it, which its Content-Security-Policy allows.
 */
const sameOrigin = (url: string) => {
  const u = new URL(url, window.location.href);
  return `${u.pathname}${u.search}`;
};

/** The current logo, and a new one by drop or file picker, uploaded at once; the API judges the file. */
export function LogoCard({ partnerId, kit }: { partnerId: string; kit: BrandKit }) {
  const upload = useUploadLogo(partnerId);
  const remove = useRemoveLogo(partnerId);
  const reset = useRef<() => void>(null);
  const [dragging, setDragging] = useState(false);
  const error = upload.error ? (fieldError(upload.error, 'file') ?? upload.error.message) : remove.error?.message;

  const send = (file: File | null) => {
    if (!file) return;
    remove.reset();
    upload.mutate(file, {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Your new logo is saved.' }),
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
    <Card padding="lg" component="section" id="logo" aria-labelledby="logo-title" style={{ scrollMarginTop: 80 }}>
      <Title order={2} size="h3" id="logo-title" mb={4}>
        Logo
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        PNG, JPEG, WebP or SVG, up to 5 MB. It is trimmed and fitted into 1200 × 600 px.
      </Text>
      <Stack gap="md">
        <Center mih={140} p="md" className={classes.tinted}>
          {kit.logo ? (
            <Image
              src={sameOrigin(kit.logo.pngUrl)}
              alt={`${kit.companyName} logo`}
              fit="contain"
              mah={120}
              maw="100%"
              w="auto"
            />
          ) : (
            <Text size="sm" ta="center">
              No logo yet: your campaigns show your company name in its place.
            </Text>
          )}
        </Center>
        {kit.logo ? (
          <Text size="xs" c="dimmed" mt={-8}>
            Stored at {kit.logo.width} × {kit.logo.height} px.
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
              {(props) => (
                <Button {...props} variant="default" loading={upload.isPending}>
                  {kit.logo ? 'Choose another logo' : 'Choose a logo'}
                </Button>
              )}
            </FileButton>
          </Stack>
        </Box>
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {upload.error ? `The logo was not saved: ${error}` : error}
          </Text>
        ) : null}
        {kit.logo ? (
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
                  onSuccess: () => notifications.show({ color: 'teal', message: 'Your logo is removed.' }),
                });
              }}
            >
              Remove the logo
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

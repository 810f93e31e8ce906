import { Button, FileButton, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from '../i18n';

interface CsvDropzoneProps {
  onFile: (file: File) => void;
  busy: boolean;
}

/**
 * A file dropped here, or chosen with the button (the keyboard's way in), is handed on at
 * once. Nothing about the file is judged here: the API reads its bytes and says what is wrong.
 */
export function CsvDropzone({ onFile, busy }: CsvDropzoneProps) {
  const { t } = useTranslation('shared');
  const [over, setOver] = useState(false);
  // Cleared after each choice, so choosing the same file again (corrected) sends it again.
  const reset = useRef<() => void>(null);
  const drag = (e: DragEvent, entering: boolean) => {
    e.preventDefault();
    setOver(entering && !busy);
  };
  return (
    <Stack
      align="center"
      gap="sm"
      p="xl"
      bg={over ? 'indigo.0' : 'white'}
      style={{
        border: `2px dashed var(--mantine-color-${over ? 'indigo-7' : 'gray-5'})`,
        borderRadius: 8,
        textAlign: 'center',
      }}
      onDragEnter={(e) => drag(e, true)}
      onDragOver={(e) => drag(e, true)}
      // Leaving for one of its own children is not leaving the zone.
      onDragLeave={(e) =>
        !(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) && drag(e, false)
      }
      onDrop={(e) => {
        drag(e, false);
        const file = e.dataTransfer.files[0];
        if (file && !busy) onFile(file);
      }}
    >
      <UploadIcon />
      <Text fw={600}>{t('csvDropzone.drop')}</Text>
      <Text size="sm" c="dimmed">
        {t('csvDropzone.or')}
      </Text>
      <FileButton
        resetRef={reset}
        onChange={(file) => {
          reset.current?.();
          if (file) onFile(file);
        }}
        accept=".csv,text/csv"
        disabled={busy}
      >
        {(props) => (
          <Button {...props} loading={busy}>
            {t('csvDropzone.choose')}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}

function UploadIcon() {
  return (
    <svg
      width="40"
      height="40"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="var(--mantine-color-indigo-7)"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M12 16V4M7 9l5-5 5 5" />
      <path d="M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
    </svg>
  );
}

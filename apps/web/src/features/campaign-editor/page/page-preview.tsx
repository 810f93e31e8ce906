import { Alert, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PreviewControls, type PreviewWidth } from '../components/preview-controls';
import { LoadingBlock } from '../../../shared/components/list-states';
import { useTranslation } from '../../../shared/i18n';
import type { PageCheck } from './use-page-check';

/** The widths the page is shown at (at most: never wider than the editor): a laptop's window, and a phone (375 CSS px). */
const WIDTHS: Record<PreviewWidth, number> = { desktop: 1024, mobile: 375 };

interface PagePreviewProps {
  check: PageCheck | undefined;
  /** The answer on screen is for an older text than the one in the editor. */
  stale: boolean;
  partnerId: string;
  onPartnerChange: (partnerId: string) => void;
}

/** The landing page as the API renders it for the chosen partner, its form blank, in a sandboxed frame (no script runs). */
export function PagePreview({ check, stale, partnerId, onPartnerChange }: PagePreviewProps) {
  const { t } = useTranslation('campaign-editor');
  const [width, setWidth] = useState<PreviewWidth>('desktop');
  const preview = check?.preview ?? null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="page-preview-title" style={{ minWidth: 0 }}>
      <Title order={4} id="page-preview-title">
        {t('preview.title')}
      </Title>
      <PreviewControls partnerId={partnerId} onPartnerChange={onPartnerChange} width={width} onWidthChange={setWidth} />
      {!check ? (
        <LoadingBlock height={360} label={t('emailPreview.rendering')} />
      ) : !preview ? (
        <Alert color="yellow" variant="light" role="status">
          {t('emailPreview.cannotRender')}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed" className="wrap-anywhere">
            {t('landingPage.address', { url: preview.url })}
          </Text>
          {preview.sampleSlots.length ? (
            <Text size="xs" c="dimmed">
              {t('emailPreview.sampleSlots', { partner: preview.partner.name, slots: preview.sampleSlots.join(', ') })}
            </Text>
          ) : null}
          <div style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <iframe
              title={t('landingPage.frame', { partner: preview.partner.name })}
              sandbox=""
              srcDoc={preview.html}
              style={{
                display: 'block',
                width: '100%',
                maxWidth: WIDTHS[width],
                height: 640,
                border: '1px solid var(--mantine-color-gray-4)',
                background: 'white',
                margin: '0 auto',
              }}
            />
          </div>
        </>
      )}
    </Stack>
  );
}

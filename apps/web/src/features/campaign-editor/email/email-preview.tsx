import { Trans, useTranslation } from '../../../shared/i18n';
import { Alert, ScrollArea, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PreviewControls, type PreviewWidth } from '../components/preview-controls';
import type { EmailCheck } from './use-email-check';
import { LoadingBlock } from '../../../shared/components/list-states';

/** The widths the preview shows the email at (at most: never wider than the page): a desktop client's pane, and a phone (375 CSS px). */
const WIDTHS: Record<PreviewWidth, number> = { desktop: 660, mobile: 375 };

interface EmailPreviewProps {
  check: EmailCheck | undefined;
  /** The answer on screen is for an older text than the one in the editor. */
  stale: boolean;
  partnerId: string;
  onPartnerChange: (partnerId: string) => void;
}

/**
 * The email as the API renders it for the chosen partner and the sample prospect: the HTML at
 * a desktop or a phone's width (in a sandboxed frame: no script runs), or its plain-text part.
 */
export function EmailPreview({ check, stale, partnerId, onPartnerChange }: EmailPreviewProps) {
  const { t } = useTranslation('campaign-editor');
  const [width, setWidth] = useState<PreviewWidth>('desktop');
  const preview = check?.preview ?? null;

  return (
    <Stack gap="sm" component="section" aria-labelledby="email-preview-title" style={{ minWidth: 0 }}>
      <Title order={4} id="email-preview-title">
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
          <Text size="sm" aria-live="polite" className="wrap-anywhere">
            {preview.preheader ? (
              <Trans
                i18nKey="emailPreview.subjectAndPreheader"
                t={t}
                values={{ subject: preview.subject, preheader: preview.preheader }}
                components={{ strong: <strong /> }}
              />
            ) : (
              <Trans
                i18nKey="emailPreview.subject"
                t={t}
                values={{ subject: preview.subject }}
                components={{ strong: <strong /> }}
              />
            )}
          </Text>
          {preview.sampleSlots.length ? (
            <Text size="xs" c="dimmed">
              {t('emailPreview.sampleSlots', { partner: preview.partner.name, slots: preview.sampleSlots.join(', ') })}
            </Text>
          ) : null}
          <Tabs defaultValue="html" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="html">{t('emailPreview.html')}</Tabs.Tab>
              <Tabs.Tab value="text">{t('emailPreview.text')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              <div style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}>
                <iframe
                  title={
                    width === 'mobile'
                      ? t('emailPreview.frameMobile', { partner: preview.partner.name })
                      : t('emailPreview.frameDesktop', { partner: preview.partner.name })
                  }
                  sandbox=""
                  srcDoc={preview.html}
                  style={{
                    display: 'block',
                    width: '100%',
                    maxWidth: WIDTHS[width],
                    height: 560,
                    border: '1px solid var(--mantine-color-gray-4)',
                    background: 'white',
                    margin: '0 auto',
                  }}
                />
              </div>
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <ScrollArea.Autosize
                mah={560}
                type="auto"
                style={{ border: '1px solid var(--mantine-color-gray-4)', background: 'white' }}
              >
                <Text
                  component="pre"
                  size="sm"
                  p="sm"
                  ff="monospace"
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}
                  aria-label={t('emailPreview.textPart')}
                  tabIndex={0}
                >
                  {preview.text}
                </Text>
              </ScrollArea.Autosize>
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}

import {
  Accordion,
  Anchor,
  Box,
  Button,
  Card,
  Center,
  CopyButton,
  Group,
  Image,
  Loader,
  Textarea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { createContext, useContext, useState } from 'react';
import { useTranslation, type TFunction } from '../../../shared/i18n';
import { networkName } from '../../../shared/lib/social-networks';
import type { PublishedCampaign } from '../hooks/use-campaign';
import { useSocialCopy, type SocialNetwork } from '../hooks/use-social-copy';

type Asset = PublishedCampaign['content']['assets'][number];

/** PDF pages shown as images; the download has them all. */
const MAX_PDF_PAGES = 4;
const PDF_DPI = 72;
/** The image sizes: a network's own, and the square one. */
const socialSizesIn = (t: TFunction) => [
  { value: 'linkedin', label: networkName('linkedin') },
  { value: 'facebook', label: networkName('facebook') },
  { value: 'x', label: networkName('x') },
  { value: 'square', label: t('portal:previews.square') },
];
/** The post copy shown with each image size: the square image is Instagram's. */
const COPY_FOR_SIZE: Record<string, SocialNetwork> = {
  linkedin: 'linkedin',
  facebook: 'facebook',
  x: 'x',
  square: 'instagram',
};

/** The API's co-branded preview of one asset (the signed-in partner's brand kit, sample prospect data). */
function previewUrl(campaign: PublishedCampaign, assetId: string, query: Record<string, string | number>): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return `/campaigns/${campaign.id}/versions/${campaign.version}/assets/${assetId}/preview?${params.toString()}`;
}

/** False inside the phone's accordion, whose control already names the asset. */
const Titled = createContext(true);

/** The asset's kind and name: "Email: Welcome". */
function titleOf(asset: Asset, t: TFunction): string {
  if ('mjml' in asset) return t('portal:previews.email', { name: asset.name });
  if ('file' in asset) return t('portal:previews.pdf', { name: asset.name });
  return t('portal:previews.socialImage', { name: asset.name });
}

/**
 * Every asset of the campaign, co-branded with the partner's kit: one under the other on a wide
 * screen; on a phone (below 768 px) folded by asset, each preview loaded only once opened, so the
 * page is not thousands of pixels of stacked previews.
 */
export function AssetPreviews({ campaign }: { campaign: PublishedCampaign }) {
  // Landing pages are previewed on their own address once launched; here the sent and shared assets.
  const { t } = useTranslation('portal');
  const assets = campaign.content.assets.filter((a) => 'mjml' in a || 'file' in a || 'image' in a);
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [opened, setOpened] = useState<string[]>([]);
  if (!wide) {
    return (
      <Accordion multiple variant="separated" value={opened} onChange={setOpened}>
        {assets.map((asset) => (
          <Accordion.Item key={asset.id} value={asset.id}>
            <Accordion.Control>{titleOf(asset, t)}</Accordion.Control>
            <Accordion.Panel>
              {opened.includes(asset.id) ? (
                <Titled.Provider value={false}>
                  <AssetPreview campaign={campaign} asset={asset} />
                </Titled.Provider>
              ) : null}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    );
  }
  return (
    <Stack gap="lg">
      {assets.map((asset) => (
        <Card key={asset.id} padding="md" component="section" aria-labelledby={`asset-${asset.id}`}>
          <AssetPreview campaign={campaign} asset={asset} />
        </Card>
      ))}
    </Stack>
  );
}

function AssetPreview({ campaign, asset }: { campaign: PublishedCampaign; asset: Asset }) {
  if ('mjml' in asset) return <EmailPreview campaign={campaign} asset={asset} />;
  if ('file' in asset) return <PdfPreview campaign={campaign} asset={asset} />;
  if ('image' in asset) return <SocialPreview campaign={campaign} asset={asset} />;
  return null;
}

function AssetTitle({ asset, extra }: { asset: Asset; extra?: string }) {
  const { t } = useTranslation('portal');
  if (!useContext(Titled))
    return extra ? (
      <Text size="sm" c="dimmed" mb="sm">
        {extra}
      </Text>
    ) : null;
  return (
    <Group justify="space-between" mb="sm" wrap="wrap">
      <Title order={3} size="h4" id={`asset-${asset.id}`}>
        {titleOf(asset, t)}
      </Title>
      {extra ? (
        <Text size="sm" c="dimmed">
          {extra}
        </Text>
      ) : null}
    </Group>
  );
}

function EmailPreview({ campaign, asset }: { campaign: PublishedCampaign; asset: Extract<Asset, { mjml: string }> }) {
  const html = previewUrl(campaign, asset.id, { format: 'html' });
  const text = previewUrl(campaign, asset.id, { format: 'text' });
  const { t } = useTranslation('portal');
  const name = asset.name;
  return (
    <>
      <AssetTitle asset={asset} />
      <Tabs defaultValue="desktop" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="desktop">{t('previews.desktop')}</Tabs.Tab>
          <Tabs.Tab value="mobile">{t('previews.mobile')}</Tabs.Tab>
          <Tabs.Tab value="text">{t('previews.plainText')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="desktop" pt="sm">
          <PreviewFrame title={t('previews.desktopPreview', { name })} src={html} width={680} height={640} />
        </Tabs.Panel>
        <Tabs.Panel value="mobile" pt="sm">
          <PreviewFrame title={t('previews.mobilePreview', { name })} src={html} width={360} height={640} />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <PreviewFrame title={t('previews.plainTextPart', { name })} src={text} width={680} height={480} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function PdfPreview({ campaign, asset }: { campaign: PublishedCampaign; asset: Extract<Asset, { file: unknown }> }) {
  const pages = asset.file.pages.length;
  const shown = Math.min(pages, MAX_PDF_PAGES);
  const { t } = useTranslation('portal');
  return (
    <>
      <AssetTitle asset={asset} extra={t('previews.pages', { count: pages })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {Array.from({ length: shown }, (_, i) => (
          <Image
            key={i}
            src={previewUrl(campaign, asset.id, { format: 'png', page: i + 1, dpi: PDF_DPI })}
            alt={t('previews.pdfPage', { name: asset.name, page: i + 1 })}
            fit="contain"
            mah={560}
            bd="1px solid gray.3"
          />
        ))}
      </SimpleGrid>
      <Anchor href={previewUrl(campaign, asset.id, { format: 'pdf' })} download mt="sm" display="inline-block">
        {pages > shown ? t('previews.downloadPdfAll', { pages }) : t('previews.downloadPdf')}
      </Anchor>
    </>
  );
}

function SocialPreview({
  campaign,
  asset,
}: {
  campaign: PublishedCampaign;
  asset: Extract<Asset, { image: unknown }>;
}) {
  const { t } = useTranslation('portal');
  const socialSizes = socialSizesIn(t);
  const [size, setSize] = useState('linkedin');
  const src = previewUrl(campaign, asset.id, { format: 'png', size });
  const copy = useSocialCopy(campaign.id, campaign.version, asset.id);
  const post = copy.data?.[COPY_FOR_SIZE[size] ?? 'linkedin'];
  const label = socialSizes.find((s) => s.value === size)?.label ?? size;
  return (
    <>
      <AssetTitle asset={asset} />
      <SegmentedControl
        data={socialSizes}
        value={size}
        onChange={setSize}
        mb="sm"
        aria-label={t('previews.networkSize')}
      />
      <Image
        src={src}
        alt={t('previews.socialImageFor', { name: asset.name, size: label })}
        fit="contain"
        mah={420}
        bd="1px solid gray.3"
      />
      <Anchor href={src} download mt="sm" display="inline-block">
        {t('previews.downloadImage')}
      </Anchor>
      {post ? (
        <Stack gap={6} mt="sm">
          <Textarea
            label={t('previews.postCopyFor', { size: label })}
            value={post}
            readOnly
            autosize
            minRows={2}
            maxRows={10}
          />
          <CopyButton value={post}>
            {({ copied, copy: copyPost }) => (
              <Button size="xs" variant="default" onClick={copyPost} w="fit-content">
                {copied ? t('previews.copied') : t('previews.copyPost')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      ) : null}
    </>
  );
}

/** The API's sandboxed HTML (or text) preview, with a spinner until it has loaded: a first render takes a few seconds. */
function PreviewFrame({ title, src, width, height }: { title: string; src: string; width: number; height: number }) {
  const [loaded, setLoaded] = useState(false);
  return (
    <Box pos="relative" w={width} maw="100%" h={height}>
      <iframe
        title={title}
        src={src}
        onLoad={() => setLoaded(true)}
        style={{ width: '100%', height: '100%', border: '1px solid var(--mantine-color-gray-3)', background: '#fff' }}
      />
      {loaded ? null : (
        <Center pos="absolute" inset={0} aria-hidden="true">
          <Loader size="sm" />
        </Center>
      )}
    </Box>
  );
}

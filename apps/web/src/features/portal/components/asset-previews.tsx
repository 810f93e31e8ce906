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
import type { PublishedCampaign } from '../hooks/use-campaign';
import { useSocialCopy, type SocialNetwork } from '../hooks/use-social-copy';

type Asset = PublishedCampaign['content']['assets'][number];

/** PDF pages shown as images; the download has them all. */
const MAX_PDF_PAGES = 4;
const PDF_DPI = 72;
const SOCIAL_SIZES = [
  { value: 'linkedin', label: 'LinkedIn' },
  { value: 'facebook', label: 'Facebook' },
  { value: 'x', label: 'X' },
  { value: 'square', label: 'Square' },
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

function kindOf(asset: Asset): string {
  return 'mjml' in asset ? 'Email' : 'file' in asset ? 'PDF' : 'Social image';
}

/**
 * Every asset of the campaign, co-branded with the partner's kit: one under the other on a wide
 * screen; on a phone (below 768 px) folded by asset, each preview loaded only once opened, so the
 * page is not thousands of pixels of stacked previews.
 */
export function AssetPreviews({ campaign }: { campaign: PublishedCampaign }) {
  // Landing pages are previewed on their own address once launched; here the sent and shared assets.
  const assets = campaign.content.assets.filter((a) => 'mjml' in a || 'file' in a || 'image' in a);
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [opened, setOpened] = useState<string[]>([]);
  if (!wide) {
    return (
      <Accordion multiple variant="separated" value={opened} onChange={setOpened}>
        {assets.map((asset) => (
          <Accordion.Item key={asset.id} value={asset.id}>
            <Accordion.Control>
              {kindOf(asset)}: {asset.name}
            </Accordion.Control>
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

function AssetTitle({ asset, kind, extra }: { asset: Asset; kind: string; extra?: string }) {
  if (!useContext(Titled))
    return extra ? (
      <Text size="sm" c="dimmed" mb="sm">
        {extra}
      </Text>
    ) : null;
  return (
    <Group justify="space-between" mb="sm" wrap="wrap">
      <Title order={3} size="h4" id={`asset-${asset.id}`}>
        {kind}: {asset.name}
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
  return (
    <>
      <AssetTitle asset={asset} kind="Email" />
      <Tabs defaultValue="desktop" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="desktop">Desktop</Tabs.Tab>
          <Tabs.Tab value="mobile">Mobile</Tabs.Tab>
          <Tabs.Tab value="text">Plain text</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="desktop" pt="sm">
          <PreviewFrame title={`${asset.name}: desktop preview`} src={html} width={680} height={640} />
        </Tabs.Panel>
        <Tabs.Panel value="mobile" pt="sm">
          <PreviewFrame title={`${asset.name}: mobile preview`} src={html} width={360} height={640} />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <PreviewFrame title={`${asset.name}: plain-text part`} src={text} width={680} height={480} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function PdfPreview({ campaign, asset }: { campaign: PublishedCampaign; asset: Extract<Asset, { file: unknown }> }) {
  const pages = asset.file.pages.length;
  const shown = Math.min(pages, MAX_PDF_PAGES);
  return (
    <>
      <AssetTitle asset={asset} kind="PDF" extra={pages === 1 ? '1 page' : `${pages} pages`} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {Array.from({ length: shown }, (_, i) => (
          <Image
            key={i}
            src={previewUrl(campaign, asset.id, { format: 'png', page: i + 1, dpi: PDF_DPI })}
            alt={`${asset.name}, page ${i + 1}, with your brand`}
            fit="contain"
            mah={560}
            bd="1px solid gray.3"
          />
        ))}
      </SimpleGrid>
      <Anchor href={previewUrl(campaign, asset.id, { format: 'pdf' })} download mt="sm" display="inline-block">
        Download the PDF{pages > shown ? ` (all ${pages} pages)` : ''}
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
  const [size, setSize] = useState('linkedin');
  const src = previewUrl(campaign, asset.id, { format: 'png', size });
  const copy = useSocialCopy(campaign.id, campaign.version, asset.id);
  const post = copy.data?.[COPY_FOR_SIZE[size] ?? 'linkedin'];
  const label = SOCIAL_SIZES.find((s) => s.value === size)?.label ?? size;
  return (
    <>
      <AssetTitle asset={asset} kind="Social image" />
      <SegmentedControl data={SOCIAL_SIZES} value={size} onChange={setSize} mb="sm" aria-label="Network size" />
      <Image
        src={src}
        alt={`${asset.name} for ${label}, with your brand`}
        fit="contain"
        mah={420}
        bd="1px solid gray.3"
      />
      <Anchor href={src} download mt="sm" display="inline-block">
        Download the image
      </Anchor>
      {post ? (
        <Stack gap={6} mt="sm">
          <Textarea label={`Post copy for ${label}`} value={post} readOnly autosize minRows={2} maxRows={10} />
          <CopyButton value={post}>
            {({ copied, copy: copyPost }) => (
              <Button size="xs" variant="default" onClick={copyPost} w="fit-content">
                {copied ? 'Copied' : 'Copy the post'}
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

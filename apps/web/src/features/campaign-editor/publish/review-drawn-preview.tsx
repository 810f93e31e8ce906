import { Pagination, Skeleton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { AssetPreview } from '../assets/asset-preview';
import { SocialSizeSelect, socialAspect } from '../assets/social-sizes';
import { useAssetFile } from '../assets/use-drawn-assets';

interface ReviewDrawnPreviewProps {
  campaignId: string;
  assetId: string;
  kind: 'pdf' | 'social';
  /** The draft revision under review: its pictures. */
  revision: number;
}

/** A draft PDF (page by page) or social image (per network size) co-branded as the API renders it, for a reviewer. */
export function ReviewDrawnPreview({ campaignId, assetId, kind, revision }: ReviewDrawnPreviewProps) {
  const { t } = useTranslation('campaign-editor');
  const file = useAssetFile(campaignId, assetId);
  const [page, setPage] = useState(1);
  const [size, setSize] = useState('linkedin');
  if (!file.data) return <Skeleton h={320} />;
  if (kind === 'social' || file.data.kind === 'image')
    return (
      <AssetPreview
        campaignId={campaignId}
        assetId={assetId}
        revision={revision}
        query={{ size }}
        dirty={false}
        aspect={socialAspect(size)}
        extra={<SocialSizeSelect value={size} onChange={setSize} />}
      />
    );
  const pages = file.data.pages;
  const area = pages[Math.min(page, pages.length) - 1];
  return (
    <AssetPreview
      campaignId={campaignId}
      assetId={assetId}
      revision={revision}
      query={{ page: String(page) }}
      dirty={false}
      aspect={area ? area.width / area.height : 1 / Math.SQRT2}
      extra={
        pages.length > 1 ? (
          <Pagination
            total={pages.length}
            value={page}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({
              'aria-label': {
                first: t('drawn.firstPage'),
                previous: t('drawn.previousPage'),
                next: t('drawn.nextPage'),
                last: t('drawn.lastPage'),
              }[control],
            })}
            getItemProps={(p) => ({ 'aria-label': t('drawn.page', { page: p }) })}
          />
        ) : null
      }
    />
  );
}

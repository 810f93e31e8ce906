import { Grid, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ImageUploadCard, LOGO_RULES } from '../../shared/components/image-upload-card';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { BrandForm, draftOf, type BrandDraft } from './components/brand-form';
import { BrandPreview } from './components/brand-preview';
import { useRemoveVendorImage, useUploadVendorImage, useVendorBrand, type VendorBrand } from './hooks/use-vendor-brand';

/** Vendor admins: the name, colour, logo, favicon and support contacts partners see; marketers read them. */
export function VendorBrandPage() {
  const brand = useVendorBrand();
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Link to="/console">Vendor console</Link> / Brand
      </Text>
      <PageHeader
        title="Brand"
        description="Your name, colour and logo on your partners’ portal, its sign-in pages and the emails they get."
      />
      {brand.isPending ? (
        <Stack gap="md" aria-busy="true" aria-label="Loading the brand">
          <Skeleton height={320} />
        </Stack>
      ) : brand.isError ? (
        <QueryError error={brand.error} retry={() => void brand.refetch()} />
      ) : (
        <BrandSettings brand={brand.data} />
      )}
    </Stack>
  );
}

function BrandSettings({ brand }: { brand: VendorBrand }) {
  const [draft, setDraft] = useState<BrandDraft>(() => draftOf(brand));
  const uploadLogo = useUploadVendorImage('logo');
  const removeLogo = useRemoveVendorImage('logo');
  const uploadFavicon = useUploadVendorImage('favicon');
  const removeFavicon = useRemoveVendorImage('favicon');
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <BrandForm brand={brand} draft={draft} onChange={setDraft} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="lg">
          <BrandPreview brand={brand} draft={draft} />
          <ImageUploadCard
            id="logo"
            title="Logo"
            hint={LOGO_RULES}
            image={brand.logo}
            alt={`${brand.displayName} logo`}
            empty="No logo yet: the portal shows your display name alone."
            noun="logo"
            owner="The"
            upload={uploadLogo}
            remove={removeLogo}
          />
          <ImageUploadCard
            id="favicon"
            title="Favicon"
            hint={`The browser tab’s icon; square works best. ${LOGO_RULES}`}
            image={brand.favicon}
            alt={`${brand.displayName} favicon`}
            empty="No favicon yet: the tab shows the engine’s icon."
            noun="favicon"
            owner="The"
            upload={uploadFavicon}
            remove={removeFavicon}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

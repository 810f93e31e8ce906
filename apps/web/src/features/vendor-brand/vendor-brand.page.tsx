import { Grid, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ImageUploadCard, useImageRules } from '../../shared/components/image-upload-card';
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
  const rules = useImageRules();
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
            hint={rules}
            image={brand.logo}
            alt={`${brand.displayName} logo`}
            empty="No logo yet: the portal shows your display name alone."
            words={{
              saved: 'The new logo is saved.',
              removed: 'The logo is removed.',
              choose: 'Choose a logo',
              chooseAnother: 'Choose another logo',
              remove: 'Remove the logo',
              notSaved: (reason) => `The logo was not saved: ${reason}`,
            }}
            upload={uploadLogo}
            remove={removeLogo}
          />
          <ImageUploadCard
            id="favicon"
            title="Favicon"
            hint={`The browser tab’s icon; square works best. ${rules}`}
            image={brand.favicon}
            alt={`${brand.displayName} favicon`}
            empty="No favicon yet: the tab shows the engine’s icon."
            words={{
              saved: 'The new favicon is saved.',
              removed: 'The favicon is removed.',
              choose: 'Choose a favicon',
              chooseAnother: 'Choose another favicon',
              remove: 'Remove the favicon',
              notSaved: (reason) => `The favicon was not saved: ${reason}`,
            }}
            upload={uploadFavicon}
            remove={removeFavicon}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

import { Grid, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ImageUploadCard, useImageRules } from '../../shared/components/image-upload-card';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { Trans, useTranslation } from '../../shared/i18n';
import { BrandForm, draftOf, type BrandDraft } from './components/brand-form';
import { BrandPreview } from './components/brand-preview';
import { useRemoveVendorImage, useUploadVendorImage, useVendorBrand, type VendorBrand } from './hooks/use-vendor-brand';

/** Vendor admins: the name, colour, logo, favicon and support contacts partners see; marketers read them. */
export function VendorBrandPage() {
  const { t } = useTranslation('vendor-brand');
  const brand = useVendorBrand();
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans i18nKey="page.breadcrumb" t={t} components={{ console: <Link to="/console" /> }} />
      </Text>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      {brand.isPending ? (
        <Stack gap="md" aria-busy="true" aria-label={t('page.loading')}>
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
  const { t } = useTranslation('vendor-brand');
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
            title={t('logo.title')}
            hint={rules}
            image={brand.logo}
            alt={t('logo.alt', { name: brand.displayName })}
            empty={t('logo.empty')}
            words={{
              saved: t('logo.saved'),
              removed: t('logo.removed'),
              choose: t('logo.choose'),
              chooseAnother: t('logo.chooseAnother'),
              remove: t('logo.remove'),
              notSaved: (reason) => t('logo.notSaved', { reason }),
            }}
            upload={uploadLogo}
            remove={removeLogo}
          />
          <ImageUploadCard
            id="favicon"
            title={t('favicon.title')}
            hint={t('favicon.hint', { rules })}
            image={brand.favicon}
            alt={t('favicon.alt', { name: brand.displayName })}
            empty={t('favicon.empty')}
            words={{
              saved: t('favicon.saved'),
              removed: t('favicon.removed'),
              choose: t('favicon.choose'),
              chooseAnother: t('favicon.chooseAnother'),
              remove: t('favicon.remove'),
              notSaved: (reason) => t('favicon.notSaved', { reason }),
            }}
            upload={uploadFavicon}
            remove={removeFavicon}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

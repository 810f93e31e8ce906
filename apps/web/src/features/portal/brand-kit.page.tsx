import { Grid, Skeleton, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { useTranslation } from '../../shared/i18n';
import { BrandKitForm } from './components/brand-kit-form';
import { LogoCard } from './components/logo-card';
import { useBrandKit } from './hooks/use-brand-kit';

export function BrandKitPage() {
  return <PortalGate>{(partnerId) => <BrandKit partnerId={partnerId} />}</PortalGate>;
}

/**
 * `#address`, `#logo`, `#sender`… (the campaign's readiness links here so): once the kit is
 * shown, the field is scrolled to the middle of the window and given the focus; a section
 * gives it to its first control.
 */
function useFieldFromHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    const control = target.matches('input, textarea, button')
      ? target
      : target.querySelector<HTMLElement>('input:not([type=file]), textarea, button');
    control?.focus({ preventScroll: true });
  }, [ready, hash]);
}

function BrandKit({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('portal');
  const kit = useBrandKit(partnerId);
  useFieldFromHash(kit.isSuccess);

  if (kit.isError) return <QueryError error={kit.error} retry={() => void kit.refetch()} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('brandKit.title')} description={t('brandKit.description')} />
      {kit.isPending ? (
        <Stack gap="md" aria-busy="true" aria-label={t('brandKit.loading')}>
          <Skeleton height={180} />
          <Skeleton height={320} />
        </Stack>
      ) : (
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <LogoCard partnerId={partnerId} kit={kit.data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <BrandKitForm partnerId={partnerId} kit={kit.data} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

import { Stack } from '@mantine/core';
import { Navigate } from 'react-router';
import { SessionCard } from '../../features/session/components/session-card';
import { PageHeader } from '../../shared/components/page-header';
import { useCapabilities } from '../../shared/hooks/use-session';
import { landingOf } from '../../shared/lib/landing';
import { useTranslation } from '../../shared/i18n';

/**
 * The app's front page. Whoever is signed in starts on their own home (a vendor user the
 * console's, a partner's user the portal's: `landingOf`); this page is for nobody signed in
 * (and for the moment the session is being asked), with the way to sign in.
 */
export function HomePage() {
  const { t } = useTranslation('app');
  const landing = landingOf(useCapabilities());
  if (landing !== '/') return <Navigate to={landing} replace />;
  return (
    <Stack gap="xl">
      <PageHeader title={t('home.title')} description={t('home.description')} />
      <SessionCard />
    </Stack>
  );
}

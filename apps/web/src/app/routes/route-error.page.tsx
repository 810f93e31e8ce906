import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFoundPage } from '../../shared/components/not-found';
import { PageHeader } from '../../shared/components/page-header';
import { useTranslation } from '../../shared/i18n';

/** A part of the app that could not be fetched: usually a new version was deployed meanwhile. */
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}

/** Whatever went wrong while showing a page; the shell around it stays usable. */
export function RouteErrorPage() {
  const { t } = useTranslation('app');
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const outdated = isChunkLoadError(error);
  return (
    <Stack gap="lg" maw={640}>
      <PageHeader
        title={t('error.title')}
        description={outdated ? t('error.outdatedDescription') : t('error.description')}
      />
      <Alert color="red" variant="light" title={outdated ? t('error.outdatedTitle') : t('error.alertTitle')}>
        <Text size="sm">{outdated ? t('error.outdatedText') : t('error.text')}</Text>
      </Alert>
      <Group>
        <Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>
        <Button component={Link} to="/" variant="default">
          {t('error.home')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFoundPage } from '../../shared/components/not-found';
import { PageHeader } from '../../shared/components/page-header';

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
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const outdated = isChunkLoadError(error);
  return (
    <Stack gap="lg" maw={640}>
      <PageHeader
        title="Something went wrong"
        description={outdated ? 'This part of the app could not be loaded.' : 'This page could not be shown.'}
      />
      <Alert color="red" variant="light" title={outdated ? 'The app may have been updated' : 'Error'}>
        <Text size="sm">
          {outdated
            ? 'Reload the page to get the current version. If it keeps happening, check your connection.'
            : 'Reload the page to try again. If it keeps happening, tell your administrator what you were doing.'}
        </Text>
      </Alert>
      <Group>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
        <Button component={Link} to="/" variant="default">
          Go to the home page
        </Button>
      </Group>
    </Stack>
  );
}

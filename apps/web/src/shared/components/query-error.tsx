import { Alert, Button, Stack, Text } from '@mantine/core';
import { ApiError } from '../../api/api-error';
import { NotFoundPage } from './not-found';

/** A failed read: the not-found page for a 404 (another partner's id too), else the message and a retry. */
export function QueryError({ error, retry }: { error: Error; retry: () => void }) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  return (
    <Alert color="red" variant="light" title="This could not be loaded">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        <Button size="xs" variant="default" onClick={retry}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}

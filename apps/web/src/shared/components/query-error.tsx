import { Alert, Button, Stack, Text } from '@mantine/core';
import { ApiError } from '../../api/api-error';
import { useTranslation } from '../i18n';
import { NotFoundPage } from './not-found';

/** A failed read: the not-found page for a 404 (another partner's id too), else the message and a retry. */
export function QueryError({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation('shared');
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  return (
    <Alert color="red" variant="light" title={t('errors.notLoaded')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        <Button size="xs" variant="default" onClick={retry}>
          {t('actions.tryAgain')}
        </Button>
      </Stack>
    </Alert>
  );
}

import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Me, useMe } from '../hooks/use-me';
import { useTranslation } from '../i18n';

/**
 * Asks who is signed in and shows the one loading skeleton and the one "did not answer" alert
 * every shell uses; the shell decides what a user (or nobody: `undefined`) may see.
 */
export function MeGate({ label, children }: { label: string; children: (me: Me | undefined) => ReactNode }) {
  const { t } = useTranslation('shared');
  const me = useMe();
  if (me.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={label}>
        <Skeleton height={32} width={240} />
        <Skeleton height={16} width="50%" />
      </Stack>
    );
  }
  if (me.isError) {
    return (
      <Alert color="red" variant="light" title={t('errors.noAnswer')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{me.error.message}</Text>
          <Button size="xs" variant="default" onClick={() => void me.refetch()}>
            {t('actions.tryAgain')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <>{children(me.data ?? undefined)}</>;
}

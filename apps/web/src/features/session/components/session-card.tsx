import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../../shared/hooks/use-me';
import { useTranslation } from '../../../shared/i18n';
import { useRoleLabel } from '../../../shared/lib/role-labels';

/** Who is signed in, from the API's GET /me. */
export function SessionCard() {
  const { t } = useTranslation('session');
  const roleLabel = useRoleLabel();
  const me = useMe();

  return (
    <Card padding="lg" aria-labelledby="session-title" aria-busy={me.isPending}>
      <Stack gap="sm">
        <Title order={2} id="session-title">
          {t('card.title')}
        </Title>
        {me.isPending ? (
          <Stack gap={8} aria-label={t('card.checking')}>
            <Skeleton height={14} width="60%" />
            <Skeleton height={36} width={120} />
          </Stack>
        ) : me.isError ? (
          <Alert color="red" variant="light" title={t('shared:errors.noAnswer')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{me.error.message}</Text>
              <Button size="xs" variant="default" onClick={() => void me.refetch()} loading={me.isFetching}>
                {t('shared:actions.tryAgain')}
              </Button>
            </Stack>
          </Alert>
        ) : me.data === null ? (
          <>
            <Text>{t('card.signedOut')}</Text>
            <div>
              <Button component={Link} to="/sign-in">
                {t('shared:actions.signIn')}
              </Button>
            </div>
          </>
        ) : (
          <Group gap="xs">
            <Text>{t('card.signedInAs')}</Text>
            <Badge variant="light" size="lg">
              {roleLabel(me.data.role)}
            </Badge>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

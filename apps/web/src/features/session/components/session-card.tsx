import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../../shared/hooks/use-me';
import { ROLE_LABELS } from '../../../shared/lib/role-labels';

/** Who is signed in, from the API's GET /me. */
export function SessionCard() {
  const me = useMe();

  return (
    <Card padding="lg" aria-labelledby="session-title" aria-busy={me.isPending}>
      <Stack gap="sm">
        <Title order={2} id="session-title">
          Your account
        </Title>
        {me.isPending ? (
          <Stack gap={8} aria-label="Checking whether you are signed in">
            <Skeleton height={14} width="60%" />
            <Skeleton height={36} width={120} />
          </Stack>
        ) : me.isError ? (
          <Alert color="red" variant="light" title="The engine did not answer">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{me.error.message}</Text>
              <Button size="xs" variant="default" onClick={() => void me.refetch()} loading={me.isFetching}>
                Try again
              </Button>
            </Stack>
          </Alert>
        ) : me.data === null ? (
          <>
            <Text>You are not signed in.</Text>
            <div>
              <Button component={Link} to="/sign-in">
                Sign in
              </Button>
            </div>
          </>
        ) : (
          <Group gap="xs">
            <Text>Signed in as</Text>
            <Badge variant="light" size="lg">
              {ROLE_LABELS[me.data.role]}
            </Badge>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

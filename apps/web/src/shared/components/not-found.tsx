import { Button, Code, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { PageHeader } from './page-header';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Stack gap="lg" maw={640}>
      <PageHeader
        title="Page not found"
        description="The link may be incomplete, or what it pointed to is no longer there."
      />
      <Text>
        There is no page at <Code className="wrap-anywhere">{pathname}</Code>.
      </Text>
      <div>
        <Button component={Link} to="/">
          Go to the home page
        </Button>
      </div>
    </Stack>
  );
}

import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { SessionCard } from '../../features/session/components/session-card';
import { PageHeader } from '../../shared/components/page-header';
import { type Capabilities, useCapabilities } from '../../shared/hooks/use-session';

/** The areas, each shown only to whom the API's session answer allows it. */
const AREAS: Array<{ title: string; to: string; text: string; shown: (can: Capabilities) => boolean }> = [
  {
    shown: (can) => can.partnerPortal,
    title: 'Partner portal',
    to: '/portal',
    text: 'Find the campaigns you may use, preview them with your brand and launch them for your audience.',
  },
  {
    shown: (can) => can.vendorConsole,
    title: 'Vendor console',
    to: '/console',
    text: 'Author co-branded campaigns, publish versions and watch how partners use them.',
  },
];

export function HomePage() {
  const can = useCapabilities();
  const areas = AREAS.filter((area) => area.shown(can));
  return (
    <Stack gap="xl">
      <PageHeader
        title="Welcome"
        description="Vendors author co-branded campaigns; partners launch them in a few clicks."
      />
      <SessionCard />
      <SimpleGrid cols={{ base: 1, sm: areas.length > 1 ? 2 : 1 }} spacing="lg">
        {areas.map((area) => (
          <Card key={area.to} padding="lg">
            <Stack gap="sm" h="100%" justify="space-between" align="flex-start">
              <Stack gap={6}>
                <Title order={2}>{area.title}</Title>
                <Text c="dimmed">{area.text}</Text>
              </Stack>
              <Button component={Link} to={area.to} variant="light">
                Open the {area.title.toLowerCase()}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

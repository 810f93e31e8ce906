import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { SessionCard } from '../../features/session/components/session-card';
import { PageHeader } from '../../shared/components/page-header';
import { useCapabilities } from '../../shared/hooks/use-session';
import { landingOf } from '../../shared/lib/landing';
import { useTranslation } from '../../shared/i18n';

interface Area {
  title: string;
  to: string;
  text: string;
  open: string;
}

export function HomePage() {
  const { t } = useTranslation('app');
  const can = useCapabilities();
  // A partner's users start on their own home (the portal's), the others here.
  const landing = landingOf(can);
  if (landing !== '/') return <Navigate to={landing} replace />;
  // The areas, each shown only to whom the API's session answer allows it.
  const areas: Area[] = [
    ...(can.partnerPortal
      ? [{ title: t('home.portal'), to: '/portal', text: t('home.portalText'), open: t('home.openPortal') }]
      : []),
    ...(can.vendorConsole
      ? [{ title: t('home.console'), to: '/console', text: t('home.consoleText'), open: t('home.openConsole') }]
      : []),
  ];
  return (
    <Stack gap="xl">
      <PageHeader title={t('home.title')} description={t('home.description')} />
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
                {area.open}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

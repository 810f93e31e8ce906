import { List, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../shared/page-header';

/** The vendor console's home; its pages (issue 13) are built on this app. */
export function ConsolePage() {
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title="Vendor console" description="Author, publish and watch your co-branded campaigns." />
      <Text>The console's pages are on their way:</Text>
      <List spacing="xs">
        <List.Item>the campaign library and the editor for emails, PDFs, social posts and sequences;</List.Item>
        <List.Item>your partners, with their activity and results;</List.Item>
        <List.Item>dashboards and sending settings.</List.Item>
      </List>
    </Stack>
  );
}

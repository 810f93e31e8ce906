import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
}

/** Every page's one h1, which also names the browser tab. */
export function PageHeader({ title, description }: PageHeaderProps) {
  useDocumentTitle(`${title} · TCMA`);
  return (
    <Stack gap={6}>
      <Title order={1}>{title}</Title>
      {description ? <Text c="dimmed">{description}</Text> : null}
    </Stack>
  );
}

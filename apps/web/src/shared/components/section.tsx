import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface SectionProps {
  id: string;
  title: string;
  /** A sentence under the title: what the section counts, or what to do with it. */
  description?: ReactNode;
  /** A link to the whole list, beside the title. */
  more?: { to: string; label: string };
  children: ReactNode;
}

/** One section of a home page (the partner's, the vendor's): a titled region, with the way to the whole list. */
export function Section({ id, title, description, more, children }: SectionProps) {
  return (
    <Stack component="section" gap="sm" aria-labelledby={id}>
      <Stack gap={2}>
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {more ? (
            <Anchor component={Link} to={more.to} size="sm">
              {more.label}
            </Anchor>
          ) : null}
        </Group>
        {description ? (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        ) : null}
      </Stack>
      {children}
    </Stack>
  );
}

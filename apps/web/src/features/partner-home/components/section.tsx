import { Anchor, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface SectionProps {
  id: string;
  title: string;
  /** A link to the whole list, beside the title. */
  more?: { to: string; label: string };
  children: ReactNode;
}

/** One section of the home: a titled region, with the way to the whole list. */
export function Section({ id, title, more, children }: SectionProps) {
  return (
    <Stack component="section" gap="sm" aria-labelledby={id}>
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
      {children}
    </Stack>
  );
}

import { SimpleGrid, Stack, Text } from '@mantine/core';
import classes from '../../../shared/components/panel.module.css';
import { useFormat } from '../../../shared/i18n';

export interface Figure {
  key: string;
  label: string;
  value: number;
}

/**
 * Counts, each a tile named by its label: two a row on a phone, four from 768 px, two again from
 * 1200 px where two sections stand side by side (so that no label wraps). The tiles sit at the
 * foot of their section and each count at the foot of its tile, so that sections side by side
 * line up whatever the length of their descriptions.
 */
export function Figures({ figures }: { figures: Figure[] }) {
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 2 }} spacing="sm" mt="auto">
      {figures.map((figure) => (
        <Stack
          key={figure.key}
          gap={2}
          p="sm"
          justify="space-between"
          className={classes.tile}
          role="group"
          aria-label={figure.label}
        >
          <Text size="xs">{figure.label}</Text>
          <Text fw={700} fz={26} lh={1.2}>
            {format.count(figure.value)}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

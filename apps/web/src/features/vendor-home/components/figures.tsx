import { SimpleGrid, Stack, Text } from '@mantine/core';
import classes from '../../../shared/components/panel.module.css';
import { useFormat } from '../../../shared/i18n';

export interface Figure {
  key: string;
  label: string;
  value: number;
}

/** A row of counts, each a tile named by its label: two a row on a phone, four from 768 px. */
export function Figures({ figures }: { figures: Figure[] }) {
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {figures.map((figure) => (
        <Stack key={figure.key} gap={2} p="sm" className={classes.tile} role="group" aria-label={figure.label}>
          <Text size="xs">{figure.label}</Text>
          <Text fw={700} fz={26} lh={1.2}>
            {format.count(figure.value)}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

import { Stack, Text } from '@mantine/core';
import { useFormat } from '../i18n';
import classes from './panel.module.css';

/** One currency's revenue influenced, as both homes show it; the words are the caller's (its catalogue). */
export function RevenueTotalTile({
  total,
  label,
  deals,
}: {
  total: { currency: string; amount: string };
  /** "Total in EUR". */
  label: string;
  /** "3 deals". */
  deals: string;
}) {
  const format = useFormat();
  return (
    <Stack gap={2} p="sm" className={classes.tile} role="group" aria-label={label}>
      <Text size="xs">{label}</Text>
      <Text fw={700} fz={26} lh={1.2}>
        {format.money(total.amount, total.currency)}
      </Text>
      <Text size="xs">{deals}</Text>
    </Stack>
  );
}

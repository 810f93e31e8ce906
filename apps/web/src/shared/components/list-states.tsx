import { Button, Group, Pagination, Skeleton, type SkeletonProps, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import classes from './panel.module.css';

/**
 * The parts every filtered, paged list of the app shows the same way: rows while it loads, a
 * card when it is empty (with a way out of the filters), and the page controls.
 */

export function LoadingRows({ label, height }: { label: string; height: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label={label}>
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} height={height} />
      ))}
    </Stack>
  );
}

/**
 * One block's place while it loads, named for assistive technology: a bare Skeleton is a div,
 * which may not carry a name (axe: aria-prohibited-attr), so it is an indeterminate progress bar.
 */
export function LoadingBlock({ label, ...props }: { label: string } & SkeletonProps) {
  return <Skeleton role="progressbar" aria-label={label} {...props} />;
}

/** An empty list's card; `order` keeps the page's heading levels in sequence. */
export function EmptyState({
  title,
  order = 2,
  text,
  action,
}: {
  title: string;
  order?: 2 | 3;
  text: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Stack gap="xs" align="flex-start" p="lg" className={classes.panel}>
      <Title order={order} size={order === 2 ? 'h3' : 'h4'}>
        {title}
      </Title>
      <Text size={order === 2 ? undefined : 'sm'}>{text}</Text>
      {action}
    </Stack>
  );
}

export function ClearFiltersButton({ onClear, label }: { onClear: () => void; label?: string }) {
  const { t } = useTranslation('shared');
  return (
    <Button variant="default" onClick={onClear}>
      {label ?? t('lists.clearFilters')}
    </Button>
  );
}

/** Page controls, shown only when there is more than one page, each named for screen readers. */
export function PageControls({
  pages,
  page,
  onChange,
}: {
  pages: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation('shared');
  if (pages <= 1) return null;
  const controls = {
    first: t('lists.firstPage'),
    previous: t('lists.previousPage'),
    next: t('lists.nextPage'),
    last: t('lists.lastPage'),
  };
  return (
    <Group justify="center">
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        getControlProps={(control) => ({ 'aria-label': controls[control] })}
        getItemProps={(p) => ({ 'aria-label': t('lists.page', { page: p }) })}
      />
    </Group>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { usePortalBrand } from '../hooks/use-portal-brand';
import { useTranslation } from '../i18n';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
}

/** Every page's one h1, which also names the browser tab (after the vendor's brand, where it shows). */
export function PageHeader({ title, description }: PageHeaderProps) {
  const { t } = useTranslation('shared');
  useDocumentTitle(t('pageTitle', { title, site: usePortalBrand()?.displayName ?? t('engineName') }));
  return (
    <Stack gap={6}>
      <Title order={1}>{title}</Title>
      {description ? <Text c="dimmed">{description}</Text> : null}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Group, List, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation, type TFunction } from '../../../shared/i18n';
import type { Readiness } from '../hooks/use-campaign';

type ReadinessItem = Readiness['items'][number];

/** Where each missing item is fixed: the brand kit page, or the launch itself for a slot value. */
function fixFor(item: ReadinessItem, t: TFunction): { to: string; label: string } | null {
  if (item.path.startsWith('brandKit.'))
    return {
      to: `/portal/brand-kit#${item.path.slice('brandKit.'.length)}`,
      label: t('portal:readiness.fixInBrandKit'),
    };
  if (item.path.startsWith('slots.')) return null;
  return null;
}

interface ReadinessPanelProps {
  readiness: Readiness | undefined;
  pending: boolean;
}

/** What the API says is missing before this partner launches the campaign, each with its fix. */
export function ReadinessPanel({ readiness, pending }: ReadinessPanelProps) {
  const { t } = useTranslation('portal');
  if (pending || !readiness) {
    return (
      <Stack gap={8} aria-busy="true" aria-label={t('readiness.checking')}>
        <Skeleton height={18} width="40%" />
        <Skeleton height={14} width="70%" />
      </Stack>
    );
  }
  if (readiness.items.length === 0) {
    return (
      <Alert
        color="teal"
        variant="light"
        styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
        title={t('readiness.ready')}
      >
        <Text size="sm">{t('readiness.readyText')}</Text>
      </Alert>
    );
  }
  return (
    <Alert
      color={readiness.ready ? 'yellow' : 'red'}
      variant="light"
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
      title={readiness.ready ? t('readiness.readyWithAdvice') : t('readiness.beforeLaunch')}
    >
      <List
        spacing="xs"
        size="sm"
        icon={<ThemeIcon size={8} radius="xl" color={readiness.ready ? 'yellow.9' : 'red.9'} />}
      >
        {readiness.items.map((item) => {
          const fix = fixFor(item, t);
          return (
            <List.Item key={`${item.code}-${item.path}`}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" component="span">
                  {item.message}
                </Text>
                <Badge size="xs" variant="outline" color={item.blocking ? 'red.9' : 'gray.8'}>
                  {item.blocking ? t('readiness.required') : t('readiness.advice')}
                </Badge>
                {fix ? (
                  <Anchor component={Link} to={fix.to} size="sm">
                    {fix.label}
                  </Anchor>
                ) : item.path.startsWith('slots.') ? (
                  <Text size="sm" component="span">
                    {t('readiness.fillAtLaunch')}
                  </Text>
                ) : null}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}

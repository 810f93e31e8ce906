import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { QueryError } from '../../../shared/components/query-error';
import { RecordField } from '../../../shared/components/record-field';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import { useGenerateScimToken, useRevokeScimToken, useScimSettings } from '../hooks/use-scim-token';

// Yellow's own title colour reads at 2.7:1 on its light background: the title is dark, as elsewhere.
const DARK_TITLE = { title: { color: 'var(--mantine-color-dark-8)' } };

/**
 * SCIM provisioning: the base URL and a bearer token for the identity provider. The token is
 * shown once, right after it is made; a new one ends the old.
 */
export function ScimPanel() {
  const { t } = useTranslation('sso-connections');
  const settings = useScimSettings();
  const generate = useGenerateScimToken();
  const revoke = useRevokeScimToken();
  if (settings.isError) return <QueryError error={settings.error} retry={() => void settings.refetch()} />;
  const on = settings.data?.enabled ?? false;
  const shown = generate.data && on ? generate.data.token : null;
  return (
    <Stack component="section" aria-labelledby="scim-title" gap="sm" p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={2} size="h3" id="scim-title">
          {t('scim.title')}
        </Title>
        {settings.data ? (
          <Badge style={{ flexShrink: 0 }} color={on ? 'teal.9' : 'gray.7'} variant="filled">
            {on ? t('scim.on') : t('scim.off')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm">{t('scim.description')}</Text>
      {settings.data ? (
        <RecordField label={t('scim.baseUrl')} value={settings.data.baseUrl} what={t('scim.baseUrlWhat')} />
      ) : null}
      {shown ? (
        <Alert color="yellow" variant="light" styles={DARK_TITLE} title={t('scim.shownOnce')}>
          <RecordField label={t('scim.token')} value={shown} what={t('scim.tokenWhat')} />
        </Alert>
      ) : null}
      {generate.isError || revoke.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('scim.notChanged')}>
          <Text size="sm">{(generate.error ?? revoke.error)?.message}</Text>
        </Alert>
      ) : null}
      {on ? (
        <Text size="xs" c="dimmed">
          {t('scim.replaceHint')}
        </Text>
      ) : null}
      <Group gap="sm">
        <Button size="sm" loading={generate.isPending} disabled={!settings.data} onClick={() => generate.mutate()}>
          {on ? t('scim.replace') : t('scim.generate')}
        </Button>
        {on ? (
          <Button
            size="sm"
            variant="outline"
            color="red.9"
            loading={revoke.isPending}
            onClick={() => revoke.mutate(undefined, { onSuccess: () => generate.reset() })}
          >
            {t('scim.turnOff')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

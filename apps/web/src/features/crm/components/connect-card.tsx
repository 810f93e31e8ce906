import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../../../api/api-error';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import { useStartCrmConnection } from '../hooks/use-crm';

/**
 * Connecting HubSpot: the button asks the API for HubSpot's authorization page and goes there;
 * HubSpot sends the browser back to this page. An installation without HubSpot's app settings
 * answers 422 on `provider`: said plainly, since nobody here can fix it but the operator.
 */
export function ConnectCard() {
  const { t } = useTranslation('crm');
  const start = useStartCrmConnection();
  const notConfigured =
    start.error instanceof ApiError && start.error.problems.find((p) => p.path === 'provider')?.message;
  return (
    <Stack component="section" aria-labelledby="crm-connect" gap="sm" p="md" className={classes.panel}>
      <Title order={2} size="h3" id="crm-connect">
        {t('connect.title')}
      </Title>
      <Text size="sm">{t('connect.text')}</Text>
      {notConfigured ? (
        <Alert color="red" variant="light" title={t('connect.notConfigured')} role="alert">
          <Stack gap={4}>
            <Text size="sm">{t('connect.notConfiguredText')}</Text>
            <Text size="sm" className="wrap-anywhere">
              {notConfigured}
            </Text>
          </Stack>
        </Alert>
      ) : start.error ? (
        <Alert color="red" variant="light" title={t('connect.failed')} role="alert">
          {start.error.message}
        </Alert>
      ) : null}
      <div>
        <Button onClick={() => start.mutate('hubspot')} loading={start.isPending}>
          {t('connect.button')}
        </Button>
      </div>
    </Stack>
  );
}

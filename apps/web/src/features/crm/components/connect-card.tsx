import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../../../api/api-error';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import { useCrmNames } from '../crm-names';
import { type CrmProvider, useStartCrmConnection } from '../hooks/use-crm';

/**
 * Connecting a CRM: the button asks the API for the CRM's authorization page and goes there;
 * the CRM sends the browser back to this page. An installation without the CRM's app settings
 * answers 422 on `provider`: said plainly, since nobody here can fix it but the operator.
 */
export function ConnectCard({ provider }: { provider: CrmProvider }) {
  const { t } = useTranslation('crm');
  const crm = useCrmNames()[provider];
  const titleId = `crm-connect-${provider}`;
  const start = useStartCrmConnection();
  const notConfigured =
    start.error instanceof ApiError && start.error.problems.find((p) => p.path === 'provider')?.message;
  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm" p="md" className={classes.panel}>
      <Title order={2} size="h3" id={titleId}>
        {t('connect.title', { crm })}
      </Title>
      <Text size="sm">{t('connect.text', { crm })}</Text>
      {notConfigured ? (
        <Alert color="red" variant="light" title={t('connect.notConfigured', { crm })} role="alert">
          <Stack gap={4}>
            <Text size="sm">{t('connect.notConfiguredText', { crm })}</Text>
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
        <Button onClick={() => start.mutate(provider)} loading={start.isPending}>
          {t('connect.button', { crm })}
        </Button>
      </div>
    </Stack>
  );
}

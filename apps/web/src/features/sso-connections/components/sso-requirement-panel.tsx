import { Alert, Stack, Switch, Text, Title } from '@mantine/core';
import { QueryError } from '../../../shared/components/query-error';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useSetSsoRequirement, useSsoRequirement, type SsoRequirement } from '../hooks/use-sso-requirement';

const FIELDS = ['ssoRequiredVendorUsers', 'ssoRequiredPartnerUsers'];

/** Whether passwords still sign in the vendor's users and its partners' users: one switch each. */
export function SsoRequirementPanel() {
  const { t } = useTranslation('sso-connections');
  const requirement = useSsoRequirement();
  const save = useSetSsoRequirement();
  if (requirement.isError) return <QueryError error={requirement.error} retry={() => void requirement.refetch()} />;
  const current = requirement.data;
  const change = (field: keyof SsoRequirement, on: boolean) => {
    if (current) save.mutate({ ...current, [field]: on });
  };
  const message = formError(save.error, FIELDS);
  return (
    <Stack component="section" aria-labelledby="sso-requirement-title" gap="sm" p="md" className={classes.panel}>
      <Title order={2} size="h3" id="sso-requirement-title">
        {t('requirement.title')}
      </Title>
      <Text size="sm">{t('requirement.description')}</Text>
      <Switch
        label={t('requirement.vendorUsers')}
        description={t('requirement.vendorUsersHint')}
        checked={current?.ssoRequiredVendorUsers ?? false}
        disabled={!current || save.isPending}
        error={fieldError(save.error, 'ssoRequiredVendorUsers')}
        onChange={(e) => change('ssoRequiredVendorUsers', e.currentTarget.checked)}
      />
      <Switch
        label={t('requirement.partnerUsers')}
        description={t('requirement.partnerUsersHint')}
        checked={current?.ssoRequiredPartnerUsers ?? false}
        disabled={!current || save.isPending}
        error={fieldError(save.error, 'ssoRequiredPartnerUsers')}
        onChange={(e) => change('ssoRequiredPartnerUsers', e.currentTarget.checked)}
      />
      {message ? (
        <Alert color="red" variant="light" role="alert" title={t('requirement.notChanged')}>
          <Text size="sm">{message}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

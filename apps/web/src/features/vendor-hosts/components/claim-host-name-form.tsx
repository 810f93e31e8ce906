import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useClaimHostName } from '../hooks/use-host-names';

/** Claims a host name; what makes one acceptable (and how many) is the API's to say, at the field. */
export function ClaimHostNameForm() {
  const { t } = useTranslation('vendor-hosts');
  const [host, setHost] = useState('');
  const claim = useClaimHostName();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    claim.mutate(host, { onSuccess: () => setHost('') });
  };
  const topError = formError(claim.error, ['host']);

  return (
    <Stack component="section" aria-labelledby="claim-title" gap="sm" p="lg" className={classes.panel}>
      <Title order={2} size="h3" id="claim-title">
        {t('claim.title')}
      </Title>
      <form onSubmit={submit} noValidate aria-label={t('claim.title')}>
        <Stack gap="md">
          <TextInput
            id="host"
            label={t('claim.host')}
            description={t('claim.hostHint')}
            placeholder={t('claim.hostExample')}
            autoComplete="off"
            value={host}
            onChange={(e) => setHost(e.currentTarget.value)}
            error={fieldError(claim.error, 'host')}
          />
          {topError ? (
            <Alert color="red" variant="light" role="alert" title={t('claim.notClaimed')}>
              <Text size="sm">{topError}</Text>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={claim.isPending} w={{ base: '100%', xs: 'auto' }}>
              {t('claim.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

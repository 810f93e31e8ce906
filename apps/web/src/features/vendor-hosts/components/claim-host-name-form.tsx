import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useClaimHostName } from '../hooks/use-host-names';

/** Claims a host name; what makes one acceptable (and how many) is the API's to say, at the field. */
export function ClaimHostNameForm() {
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
        Claim a host name
      </Title>
      <form onSubmit={submit} noValidate aria-label="Claim a host name">
        <Stack gap="md">
          <TextInput
            id="host"
            label="Host name"
            description="Your portal’s address, such as partners.example.com. You then publish a DNS record to prove it is yours."
            placeholder="partners.example.com"
            autoComplete="off"
            value={host}
            onChange={(e) => setHost(e.currentTarget.value)}
            error={fieldError(claim.error, 'host')}
          />
          {topError ? (
            <Alert color="red" variant="light" role="alert" title="The host name was not claimed">
              <Text size="sm">{topError}</Text>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={claim.isPending} w={{ base: '100%', xs: 'auto' }}>
              Claim the host name
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

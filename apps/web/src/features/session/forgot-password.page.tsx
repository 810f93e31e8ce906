import { Alert, Anchor, Button, Card, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { formError } from '../../shared/lib/field-error';
import { nextFromSearch, withNext } from '../../shared/lib/next-path';
import { useRequestPasswordReset } from './hooks/use-session';

/** /reset-password: asks for a reset link by email (the answer never tells whether the account exists). */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useRequestPasswordReset();
  const next = nextFromSearch(useLocation().search);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email });
  };

  const message = formError(request.error, []);
  return (
    <Stack gap="lg" maw={440}>
      <PageHeader title="Reset your password" description="We email you a link to choose a new one." />
      {request.isSuccess ? (
        <Alert color="green" variant="light" role="status" title="Check your email">
          If {email} has an account, a link to choose a new password is on its way. It works once and expires soon.
        </Alert>
      ) : (
        <Card padding="lg" component="form" onSubmit={submit} noValidate aria-label="Reset your password">
          <Stack gap="md">
            {message ? (
              <Alert color="red" variant="light" role="alert">
                {message}
              </Alert>
            ) : null}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Button type="submit" loading={request.isPending}>
              Email me a link
            </Button>
          </Stack>
        </Card>
      )}
      <Anchor component={Link} to={withNext('/sign-in', next)} size="sm">
        Back to sign-in
      </Anchor>
    </Stack>
  );
}

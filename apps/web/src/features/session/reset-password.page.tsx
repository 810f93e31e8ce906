import { Alert, Anchor, Button, Card, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { fieldError, formError } from '../../shared/lib/field-error';
import { nextFromSearch, withNext } from '../../shared/lib/next-path';
import { useResetPassword } from './hooks/use-session';

/** /reset-password/:token: a new password from an emailed link (also the first admin's set-password link). */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const reset = useResetPassword();
  const next = nextFromSearch(useLocation().search);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate(
      { token, password },
      {
        onSuccess: (account) =>
          void navigate(withNext('/sign-in', next), {
            state: { notice: 'Your password is set: sign in with it.', email: account.email },
          }),
      },
    );
  };

  const message = formError(reset.error, ['password']);
  return (
    <Stack gap="lg" maw={440}>
      <PageHeader title="Choose a new password" description="Every device signed in to your account is signed out." />
      <Card padding="lg" component="form" onSubmit={submit} noValidate aria-label="Choose a new password">
        <Stack gap="md">
          {message ? (
            <Alert color="red" variant="light" role="alert">
              {message}{' '}
              <Anchor component={Link} to={withNext('/reset-password', next)} size="sm">
                Ask for a new link
              </Anchor>
            </Alert>
          ) : null}
          <PasswordInput
            label="New password"
            description="At least 10 characters."
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(reset.error, 'password')}
          />
          <Button type="submit" loading={reset.isPending}>
            Set password
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

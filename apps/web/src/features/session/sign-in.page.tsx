import { Alert, Anchor, Button, Card, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { formError } from '../../shared/lib/field-error';
import { useSignIn } from './hooks/use-session';

/** Email and password; a failure shows the API's one generic message next to the form. */
export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const notice = (location.state as { notice?: string; email?: string } | null) ?? {};
  const [email, setEmail] = useState(notice.email ?? '');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => void navigate('/') });
  };

  const message = formError(signIn.error, []);
  return (
    <Stack gap="lg" maw={440}>
      <PageHeader title="Sign in" description="With the email and password of your account." />
      {notice.notice ? (
        <Alert color="green" variant="light" role="status">
          {notice.notice}
        </Alert>
      ) : null}
      <Card padding="lg" component="form" onSubmit={submit} noValidate aria-label="Sign in">
        <Stack gap="md">
          {message ? (
            <Alert color="red" variant="light" role="alert" title="Not signed in">
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
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
          <Anchor component={Link} to="/reset-password" size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}

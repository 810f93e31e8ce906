import { Alert, Anchor, Button, Card, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { formError } from '../../shared/lib/field-error';
import { forgetNext, nextFromSearch, rememberNext, takeNext, withNext } from '../../shared/lib/next-path';
import { useSignIn } from './hooks/use-session';

/**
 * Email and password; a failure shows the API's one generic message next to the form. Once
 * signed in, the visitor goes where they were heading (the `next` deep link, or the one this tab
 * remembers from earlier in the flow), else home.
 */
export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const notice = (location.state as { notice?: string; email?: string } | null) ?? {};
  const [email, setEmail] = useState(notice.email ?? '');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const next = nextFromSearch(location.search);

  // Kept for the tab too: a link of the flow opened here without it (an invitation) still ends there.
  useEffect(() => {
    if (next) rememberNext(next);
  }, [next]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password },
      {
        onSuccess: () => {
          const to = next ?? takeNext() ?? '/';
          forgetNext();
          void navigate(to, { replace: true });
        },
      },
    );
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
          <Anchor component={Link} to={withNext('/reset-password', next)} size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}

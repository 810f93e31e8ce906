import { Alert, Anchor, Button, Card, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { useTranslation } from '../../shared/i18n';
import { formError } from '../../shared/lib/field-error';
import { nextFromSearch, withNext } from '../../shared/lib/next-path';
import { useRequestPasswordReset } from './hooks/use-session';

/** /reset-password: asks for a reset link by email (the answer never tells whether the account exists). */
export function ForgotPasswordPage() {
  const { t } = useTranslation('session');
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
      <PageHeader title={t('forgotPassword.title')} description={t('forgotPassword.description')} />
      {request.isSuccess ? (
        <Alert color="green" variant="light" role="status" title={t('forgotPassword.checkEmail')}>
          {t('forgotPassword.sent', { email })}
        </Alert>
      ) : (
        <Card padding="lg" component="form" onSubmit={submit} noValidate aria-label={t('forgotPassword.title')}>
          <Stack gap="md">
            {message ? (
              <Alert color="red" variant="light" role="alert">
                {message}
              </Alert>
            ) : null}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Button type="submit" loading={request.isPending}>
              {t('forgotPassword.submit')}
            </Button>
          </Stack>
        </Card>
      )}
      <Anchor component={Link} to={withNext('/sign-in', next)} size="sm">
        {t('backToSignIn')}
      </Anchor>
    </Stack>
  );
}

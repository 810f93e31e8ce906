import { Alert, Anchor, Button, Card, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { useTranslation } from '../../shared/i18n';
import { fieldError, formError } from '../../shared/lib/field-error';
import { nextFromSearch, withNext } from '../../shared/lib/next-path';
import { useResetPassword, type SignInNotice } from './hooks/use-session';

/** /reset-password/:token: a new password from an emailed link (also the first admin's set-password link). */
export function ResetPasswordPage() {
  const { t } = useTranslation('session');
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
            state: { reason: 'passwordSet' satisfies SignInNotice, email: account.email },
          }),
      },
    );
  };

  const message = formError(reset.error, ['password']);
  return (
    <Stack gap="lg" maw={440}>
      <PageHeader title={t('resetPassword.title')} description={t('resetPassword.description')} />
      <Card padding="lg" component="form" onSubmit={submit} noValidate aria-label={t('resetPassword.title')}>
        <Stack gap="md">
          {message ? (
            <Alert color="red" variant="light" role="alert">
              {message}{' '}
              <Anchor component={Link} to={withNext('/reset-password', next)} size="sm">
                {t('resetPassword.askAgain')}
              </Anchor>
            </Alert>
          ) : null}
          <PasswordInput
            label={t('fields.newPassword')}
            description={t('fields.passwordRule')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(reset.error, 'password')}
          />
          <Button type="submit" loading={reset.isPending}>
            {t('resetPassword.submit')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

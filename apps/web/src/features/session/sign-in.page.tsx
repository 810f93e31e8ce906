import { Alert, Anchor, Button, Card, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { useTranslation } from '../../shared/i18n';
import { formError } from '../../shared/lib/field-error';
import { nextFromSearch, rememberNext, withNext } from '../../shared/lib/next-path';
import { vendorSlugFrom } from '../../shared/lib/vendor-slug';
import { DiscoveredSsoButtons, SsoButtons, SsoRefusal, ssoErrorFrom } from './components/sso-buttons';
import { useGoOn } from './hooks/use-go-on';
import { useSignIn, type SignInNotice } from './hooks/use-session';

/**
 * Email and password, or the vendor's identity providers (single sign-on) above them, and the
 * provider of the typed address's company (its proven email domain) under the email; a failure
 * shows the API's one generic message next to the form, a refused single sign-on its reason. Once
 * signed in, the visitor goes where they were heading (the `next` deep link, or the one this tab
 * remembers from earlier in the flow), else where the session's capabilities say they start
 * (`landingOf`: the partner home for a partner's users, the home page for the others).
 */
export function SignInPage() {
  const { t } = useTranslation('session');
  const location = useLocation();
  const state = (location.state as { reason?: SignInNotice; email?: string } | null) ?? {};
  const [email, setEmail] = useState(state.email ?? '');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const next = nextFromSearch(location.search);
  const goOn = useGoOn(next);
  const ssoError = ssoErrorFrom(location.search);
  const vendorSlug = vendorSlugFrom(location.search);

  // Kept for the tab too: a link of the flow opened here without it (an invitation) still ends there.
  useEffect(() => {
    if (next) rememberNext(next);
  }, [next]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password },
      {
        onSuccess: goOn,
      },
    );
  };

  // Why the visitor is here, said by the page that sent them, in this page's language.
  const notice = state.reason
    ? {
        accountReady: t('signIn.accountReady'),
        passwordSet: t('signIn.passwordSet'),
        signedOut: t('signIn.signedOut'),
        signedOutEverywhere: t('signIn.signedOutEverywhere'),
      }[state.reason]
    : null;
  const message = formError(signIn.error, []);
  return (
    <Stack gap="lg" maw={440}>
      <PageHeader title={t('signIn.title')} description={t('signIn.description')} />
      {notice ? (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      ) : null}
      <Card padding="lg" component="form" onSubmit={submit} noValidate aria-label={t('signIn.title')}>
        <Stack gap="md">
          {ssoError ? <SsoRefusal reason={ssoError} /> : null}
          <SsoButtons vendorSlug={vendorSlug} next={next} />
          {message ? (
            <Alert color="red" variant="light" role="alert" title={t('signIn.failed')}>
              {message}
            </Alert>
          ) : null}
          {/* One item of the form: the buttons' empty region adds no gap under the email. */}
          <Stack gap={0}>
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <DiscoveredSsoButtons email={email} vendorSlug={vendorSlug} next={next} />
          </Stack>
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
          <Anchor component={Link} to={withNext('/reset-password', next)} size="sm">
            {t('signIn.forgotPassword')}
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}

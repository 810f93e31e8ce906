import { Alert, Anchor, Button, Card, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { useTranslation } from '../../shared/i18n';
import { fieldError, formError } from '../../shared/lib/field-error';
import { nextFromSearch, withNext } from '../../shared/lib/next-path';
import { useRoleLabel } from '../../shared/lib/role-labels';
import { useGoOn } from './hooks/use-go-on';
import { useAcceptInvitation, useInvitationPreview, type SignInNotice } from './hooks/use-session';

/** /invitations/:token: the invitee chooses a name and password, and is signed in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation('session');
  const roleLabel = useRoleLabel();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  // A deep link the invitation carries (…/invitations/<token>?next=/portal/…), passed on to sign-in.
  const next = nextFromSearch(useLocation().search);
  // A new partner user is taken through the portal's guided set-up, unless a link said where to go.
  const goOn = useGoOn(next, preview.data?.partnerName ? '/portal/setup' : undefined);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate(
      { token, name, password },
      {
        onSuccess: (account) => {
          // Signed in by the acceptance: on to the deep link, else where the new user starts.
          if (account.signedIn) return goOn();
          // Accepted on another vendor's host name: its own sign-in page signs it in.
          void navigate(withNext('/sign-in', next), {
            state: { reason: 'accountReady' satisfies SignInNotice, email: account.email },
          });
        },
      },
    );
  };

  if (preview.isPending) {
    return (
      <Stack gap="lg" maw={480}>
        <PageHeader title={t('invitation.title')} />
        <Loader aria-label={t('invitation.checking')} />
      </Stack>
    );
  }
  if (preview.isError) {
    return (
      <Stack gap="lg" maw={480}>
        <PageHeader title={t('invitation.title')} />
        <Alert color="red" variant="light" role="alert" title={t('invitation.unusable')}>
          <Stack gap="xs">
            <Text size="sm">{preview.error.message}</Text>
            <Anchor component={Link} to={withNext('/sign-in', next)} size="sm">
              {t('invitation.goToSignIn')}
            </Anchor>
          </Stack>
        </Alert>
      </Stack>
    );
  }

  const invitation = preview.data;
  const role = roleLabel(invitation.role);
  const message = formError(accept.error, ['name', 'password']);
  return (
    <Stack gap="lg" maw={480}>
      <PageHeader
        title={t('invitation.title')}
        description={
          invitation.partnerName
            ? t('invitation.joinPartner', { partner: invitation.partnerName, vendor: invitation.vendorName, role })
            : t('invitation.joinVendor', { vendor: invitation.vendorName, role })
        }
      />
      <Card padding="lg" component="form" onSubmit={submit} noValidate aria-label={t('invitation.formLabel')}>
        <Stack gap="md">
          {message ? (
            <Alert color="red" variant="light" role="alert">
              {message}
            </Alert>
          ) : null}
          <TextInput
            label={t('fields.email')}
            value={invitation.email}
            readOnly
            description={t('invitation.emailHint')}
          />
          <TextInput
            label={t('fields.yourName')}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(accept.error, 'name')}
          />
          <PasswordInput
            label={t('fields.password')}
            description={t('fields.passwordRule')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(accept.error, 'password')}
          />
          <Button type="submit" loading={accept.isPending}>
            {t('invitation.submit')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

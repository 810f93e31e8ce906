import { Alert, Anchor, Button, Card, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { fieldError, formError } from '../../shared/lib/field-error';
import { nextFromSearch, withNext } from '../../shared/lib/next-path';
import { ROLE_LABELS } from '../../shared/lib/role-labels';
import { useAcceptInvitation, useInvitationPreview } from './hooks/use-session';

/** /invitations/:token: the invitee chooses a name and password; then signs in. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  // A deep link the invitation carries (…/invitations/<token>?next=/portal/…), passed on to sign-in.
  const next = nextFromSearch(useLocation().search);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate(
      { token, name, password },
      {
        onSuccess: (account) =>
          void navigate(withNext('/sign-in', next), {
            state: { notice: 'Your account is ready: sign in with your new password.', email: account.email },
          }),
      },
    );
  };

  if (preview.isPending) {
    return (
      <Stack gap="lg" maw={480}>
        <PageHeader title="Accept your invitation" />
        <Loader aria-label="Checking the invitation" />
      </Stack>
    );
  }
  if (preview.isError) {
    return (
      <Stack gap="lg" maw={480}>
        <PageHeader title="Accept your invitation" />
        <Alert color="red" variant="light" role="alert" title="This link cannot be used">
          <Stack gap="xs">
            <Text size="sm">{preview.error.message}</Text>
            <Anchor component={Link} to={withNext('/sign-in', next)} size="sm">
              Go to sign-in
            </Anchor>
          </Stack>
        </Alert>
      </Stack>
    );
  }

  const invitation = preview.data;
  const message = formError(accept.error, ['name', 'password']);
  return (
    <Stack gap="lg" maw={480}>
      <PageHeader
        title="Accept your invitation"
        description={`Join ${invitation.partnerName ?? invitation.vendorName}${invitation.partnerName ? ` on ${invitation.vendorName}'s partner portal` : ''} as ${ROLE_LABELS[invitation.role].toLowerCase()}.`}
      />
      <Card padding="lg" component="form" onSubmit={submit} noValidate aria-label="Choose your name and password">
        <Stack gap="md">
          {message ? (
            <Alert color="red" variant="light" role="alert">
              {message}
            </Alert>
          ) : null}
          <TextInput label="Email" value={invitation.email} readOnly description="You will sign in with it." />
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(accept.error, 'name')}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters."
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(accept.error, 'password')}
          />
          <Button type="submit" loading={accept.isPending}>
            Create my account
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

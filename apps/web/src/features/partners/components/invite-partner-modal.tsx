import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { BROWSER, formatting } from '../../../shared/lib/format';
import { PartialInviteError, useInvitePartner, type NewPartner } from '../hooks/use-partners';

/** Dates as the reader's browser writes them, in its own zone. */
const { dateTime } = formatting(BROWSER);

const EMPTY: NewPartner = { companyName: '', tier: '', region: '', email: '' };
const FIELDS = ['companyName', 'tier', 'region', 'email'];

/** A new partner and the invitation of its first user (a partner admin) by email; then what was done. */
export function InvitePartnerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [values, setValues] = useState(EMPTY);
  const invite = useInvitePartner();
  const close = () => {
    setValues(EMPTY);
    invite.reset();
    onClose();
  };
  // Created already, its invitation refused: sending again only invites.
  const created = invite.error instanceof PartialInviteError ? invite.error.partner : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ ...values, created });
  };
  const field = (name: keyof NewPartner) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };
  const problem = formError(invite.error, FIELDS);
  const done = invite.data;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Invite a partner"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {done ? (
        <Stack gap="md">
          <Alert color="indigo" variant="light" title={`${done.partner.companyName} is invited`}>
            <Text size="sm">
              An invitation was emailed to <strong>{done.invitation.email}</strong> (status: {done.invitation.status},
              until {dateTime(done.invitation.expiresAt)}). Once accepted, they sign in to the partner portal as the
              partner’s admin.
            </Text>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Invite a partner">
          <Stack gap="md">
            {created ? (
              <Alert color="orange" variant="light" role="alert" title="Partner created, invitation not sent">
                {created.companyName} is created, but its invitation was refused ({invite.error?.message}): correct the
                email and send it again.
              </Alert>
            ) : problem ? (
              <Alert color="red" variant="light" role="alert" title="Not invited">
                {problem}
              </Alert>
            ) : null}
            <TextInput
              label="Company name"
              required
              data-autofocus
              disabled={!!created}
              value={values.companyName}
              onChange={field('companyName')}
              error={fieldError(invite.error, 'companyName')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="Tier"
                placeholder="e.g. gold"
                required
                disabled={!!created}
                value={values.tier}
                onChange={field('tier')}
                error={fieldError(invite.error, 'tier')}
              />
              <TextInput
                label="Region"
                placeholder="e.g. emea"
                required
                disabled={!!created}
                value={values.region}
                onChange={field('region')}
                error={fieldError(invite.error, 'region')}
              />
            </SimpleGrid>
            <TextInput
              label="Email of its first user"
              description="They become the partner’s admin"
              type="email"
              required
              value={values.email}
              onChange={field('email')}
              error={fieldError(invite.error, 'email')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Send the invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

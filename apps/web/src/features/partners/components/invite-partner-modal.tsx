import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { Trans, useFormat, useTranslation } from '../../../shared/i18n';
import { PartialInviteError, useInvitePartner, type Invitation, type NewPartner } from '../hooks/use-partners';

const EMPTY: NewPartner = { companyName: '', tier: '', region: '', email: '' };
const FIELDS = ['companyName', 'tier', 'region', 'email'];

/** A new partner and the invitation of its first user (a partner admin) by email; then what was done. */
export function InvitePartnerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('partners');
  const { dateTime } = useFormat();
  const invitationStatus = (status: Invitation['status']) =>
    ({
      pending: t('invite.status.pending'),
      accepted: t('invite.status.accepted'),
      withdrawn: t('invite.status.withdrawn'),
      expired: t('invite.status.expired'),
    })[status];
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
      title={t('invite.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      {done ? (
        <Stack gap="md">
          <Alert color="indigo" variant="light" title={t('invite.done', { partner: done.partner.companyName })}>
            <Text size="sm">
              <Trans
                i18nKey="invite.emailed"
                t={t}
                values={{
                  email: done.invitation.email,
                  status: invitationStatus(done.invitation.status),
                  until: dateTime(done.invitation.expiresAt),
                }}
                components={{ strong: <strong /> }}
              />
            </Text>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('invite.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t('invite.title')}>
          <Stack gap="md">
            {created ? (
              <Alert color="orange" variant="light" role="alert" title={t('invite.partial')}>
                {t('invite.partialText', { partner: created.companyName, reason: invite.error?.message ?? '' })}
              </Alert>
            ) : problem ? (
              <Alert color="red" variant="light" role="alert" title={t('invite.notInvited')}>
                {problem}
              </Alert>
            ) : null}
            <TextInput
              label={t('fields.companyName')}
              required
              data-autofocus
              disabled={!!created}
              value={values.companyName}
              onChange={field('companyName')}
              error={fieldError(invite.error, 'companyName')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('fields.tier')}
                placeholder={t('invite.tierExample')}
                required
                disabled={!!created}
                value={values.tier}
                onChange={field('tier')}
                error={fieldError(invite.error, 'tier')}
              />
              <TextInput
                label={t('fields.region')}
                placeholder={t('invite.regionExample')}
                required
                disabled={!!created}
                value={values.region}
                onChange={field('region')}
                error={fieldError(invite.error, 'region')}
              />
            </SimpleGrid>
            <TextInput
              label={t('invite.email')}
              description={t('invite.emailHint')}
              type="email"
              required
              value={values.email}
              onChange={field('email')}
              error={fieldError(invite.error, 'email')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t('invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

import { Alert, Badge, Box, Button, Group, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { PageControls, LoadingBlock } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useRoleLabel } from '../../../shared/lib/role-labels';
import {
  useColleagues,
  useInviteColleague,
  usePendingInvitations,
  useWithdrawInvitation,
  type Invitation,
  type InviteColleague,
} from '../hooks/use-account';

/** Rows per page of each list. */
const PAGE_SIZE = 20;

/** A partner admin's colleagues: who has an account, who is invited, and a form to invite one more. */
export function ColleaguesPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const roleLabel = useRoleLabel();
  const [page, setPage] = useState(1);
  const colleagues = useColleagues(partnerId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = colleagues.data ? Math.ceil(colleagues.data.total / PAGE_SIZE) : 0;

  return (
    <Stack component="section" aria-labelledby="colleagues-title" gap="md">
      <Stack gap={4}>
        <Title order={2} id="colleagues-title">
          {t('colleagues.title')}
        </Title>
        <Text size="sm">{t('colleagues.description')}</Text>
      </Stack>
      <InviteForm />
      <PendingInvitations partnerId={partnerId} />
      {colleagues.isError ? (
        <QueryError error={colleagues.error} retry={() => void colleagues.refetch()} />
      ) : colleagues.isPending ? (
        <LoadingBlock height={120} label={t('colleagues.loading')} />
      ) : (
        // Three columns that wrap: a phone's width holds them without scrolling sideways.
        <Box role="region" aria-label={t('colleagues.table')}>
          <Table bg="white" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('colleagues.name')}</Table.Th>
                <Table.Th>{t('colleagues.role')}</Table.Th>
                <Table.Th>{t('colleagues.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {colleagues.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td className="wrap-anywhere">
                    <Text size="sm" fw={600}>
                      {u.name}
                    </Text>
                    <Text size="xs">{u.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    {roleLabel(u.role)}
                    {u.disabled ? (
                      <Badge ml="xs" color="gray" variant="light" size="sm">
                        {t('colleagues.disabled')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{format.dateTime(u.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      <PageControls pages={pages} page={page} onChange={setPage} />
    </Stack>
  );
}

function InviteForm() {
  const { t } = useTranslation('portal');
  const roleLabel = useRoleLabel();
  const roleChoices: Array<{ value: InviteColleague['role']; label: string; description: string }> = [
    { value: 'partner_user', label: roleLabel('partner_user'), description: t('colleagues.userDescription') },
    { value: 'partner_admin', label: roleLabel('partner_admin'), description: t('colleagues.adminDescription') },
  ];
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InviteColleague['role']>('partner_user');
  const invite = useInviteColleague();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { email, role },
      {
        onSuccess: (invitation) => {
          setEmail('');
          notifications.show({ message: t('colleagues.invitationSent', { email: invitation.email }), color: 'teal' });
        },
      },
    );
  };
  const problem = formError(invite.error, ['email', 'role']);
  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('colleagues.invite')}
      maw={560}
      p="md"
      className={classes.panel}
    >
      <Stack gap="sm">
        {problem ? (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        ) : null}
        <TextInput
          label={t('colleagues.email')}
          type="email"
          autoComplete="off"
          placeholder={t('colleagues.emailPlaceholder')}
          value={email}
          onChange={(e) => {
            setEmail(e.currentTarget.value);
            if (invite.error) invite.reset();
          }}
          error={fieldError(invite.error, 'email')}
        />
        <Radio.Group
          label={t('colleagues.role')}
          value={role}
          onChange={(v) => setRole(v)}
          error={fieldError(invite.error, 'role')}
        >
          <Stack gap="xs" mt={6}>
            {roleChoices.map((c) => (
              <Radio key={c.value} value={c.value} label={c.label} description={c.description} />
            ))}
          </Stack>
        </Radio.Group>
        <div>
          <Button type="submit" loading={invite.isPending}>
            {t('colleagues.send')}
          </Button>
        </div>
      </Stack>
    </Box>
  );
}

function PendingInvitations({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('portal');
  const [page, setPage] = useState(1);
  const invitations = usePendingInvitations(partnerId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = invitations.data ? Math.ceil(invitations.data.total / PAGE_SIZE) : 0;
  if (invitations.isError) return <QueryError error={invitations.error} retry={() => void invitations.refetch()} />;
  if (invitations.isPending || invitations.data.items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4" id="invitations-title">
        {t('colleagues.invited')}
      </Title>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="invitations-title">
        {invitations.data.items.map((i) => (
          <PendingInvitation key={i.id} invitation={i} />
        ))}
      </Stack>
      <PageControls pages={pages} page={page} onChange={setPage} />
    </Stack>
  );
}

function PendingInvitation({ invitation: i }: { invitation: Invitation }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const roleLabel = useRoleLabel();
  const withdraw = useWithdrawInvitation();
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="sm" p="sm" className={classes.panel}>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} className="wrap-anywhere">
          {i.email}
        </Text>
        <Text size="xs">
          {t('colleagues.linkWorksUntil', { role: roleLabel(i.role), until: format.dateTime(i.expiresAt) })}
        </Text>
        {withdraw.error ? (
          <Text size="xs" c="red.8" role="alert">
            {withdraw.error.message}
          </Text>
        ) : null}
      </Stack>
      <Button
        size="xs"
        variant="default"
        style={{ flexShrink: 0 }}
        loading={withdraw.isPending}
        aria-label={t('colleagues.withdrawInvitation', { email: i.email })}
        onClick={() =>
          withdraw.mutate(i.id, {
            onSuccess: () =>
              notifications.show({
                message: t('colleagues.withdrawn', { email: i.email }),
                color: 'teal',
              }),
          })
        }
      >
        {t('colleagues.withdraw')}
      </Button>
    </Group>
  );
}

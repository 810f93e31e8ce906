import { ActionIcon, Alert, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { MoreIcon } from '../../../shared/components/more-icon';
import { useConcierge } from '../../../shared/hooks/use-concierge';
import { useUpdatePartner, type Partner } from '../hooks/use-partners';
import { EditPartnerModal } from './edit-partner-modal';

/** A partner's row menu: edit, deactivate or reactivate (after a confirmation), open its portal as it. */
export function PartnerActions({ partner, admin }: { partner: Partner; admin: boolean }) {
  const [dialog, setDialog] = useState<'edit' | 'status' | null>(null);
  const update = useUpdatePartner(partner.id);
  const concierge = useConcierge();
  const active = partner.status === 'active';
  const close = () => {
    setDialog(null);
    update.reset();
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray.8" aria-label={`Actions for ${partner.companyName}`}>
            <MoreIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {active ? (
            <Menu.Item onClick={() => void concierge.open(partner.id)}>Open portal as this partner</Menu.Item>
          ) : null}
          {admin ? <Menu.Item onClick={() => setDialog('edit')}>Edit tier and region</Menu.Item> : null}
          {admin ? (
            <Menu.Item color={active ? 'red.9' : undefined} onClick={() => setDialog('status')}>
              {active ? 'Deactivate' : 'Reactivate'}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {dialog === 'edit' ? <EditPartnerModal partner={partner} onClose={close} /> : null}
      <Modal
        opened={dialog === 'status'}
        onClose={close}
        title={active ? `Deactivate ${partner.companyName}?` : `Reactivate ${partner.companyName}?`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="md">
          <Text size="sm">
            {active
              ? 'Its users can no longer sign in or launch campaigns until you reactivate it. Nothing of it is deleted.'
              : 'Its users can sign in and launch campaigns again.'}
          </Text>
          {update.error ? (
            <Alert color="red" variant="light" role="alert">
              {update.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color={active ? 'red.9' : 'indigo'}
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  { status: active ? 'suspended' : 'active' },
                  {
                    onSuccess: (p) => {
                      close();
                      notifications.show({
                        color: 'teal',
                        message: `${p.companyName} is ${p.status === 'active' ? 'active again' : 'deactivated'}.`,
                      });
                    },
                  },
                )
              }
            >
              {active ? 'Deactivate the partner' : 'Reactivate the partner'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

import { ActionIcon, Alert, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { MoreIcon } from '../../../shared/components/more-icon';
import { useConcierge } from '../../../shared/hooks/use-concierge';
import { useTranslation } from '../../../shared/i18n';
import { useUpdatePartner, type Partner } from '../hooks/use-partners';
import { EditPartnerModal } from './edit-partner-modal';

/** A partner's row menu: edit, deactivate or reactivate (after a confirmation), open its portal as it. */
export function PartnerActions({ partner, admin }: { partner: Partner; admin: boolean }) {
  const { t } = useTranslation('partners');
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
          <ActionIcon variant="subtle" color="gray.8" aria-label={t('actions.label', { partner: partner.companyName })}>
            <MoreIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {active ? (
            <Menu.Item onClick={() => void concierge.open(partner.id)}>{t('actions.openPortal')}</Menu.Item>
          ) : null}
          {admin ? <Menu.Item onClick={() => setDialog('edit')}>{t('actions.edit')}</Menu.Item> : null}
          {admin ? (
            <Menu.Item color={active ? 'red.9' : undefined} onClick={() => setDialog('status')}>
              {active ? t('actions.deactivate') : t('actions.reactivate')}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {dialog === 'edit' ? <EditPartnerModal partner={partner} onClose={close} /> : null}
      <Modal
        opened={dialog === 'status'}
        onClose={close}
        title={
          active
            ? t('status.deactivateTitle', { partner: partner.companyName })
            : t('status.reactivateTitle', { partner: partner.companyName })
        }
        closeButtonProps={{ 'aria-label': t('close') }}
      >
        <Stack gap="md">
          <Text size="sm">{active ? t('status.deactivateText') : t('status.reactivateText')}</Text>
          {update.error ? (
            <Alert color="red" variant="light" role="alert">
              {update.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('cancel')}
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
                        message:
                          p.status === 'active'
                            ? t('status.activeAgain', { partner: p.companyName })
                            : t('status.nowDeactivated', { partner: p.companyName }),
                      });
                    },
                  },
                )
              }
            >
              {active ? t('status.deactivate') : t('status.reactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

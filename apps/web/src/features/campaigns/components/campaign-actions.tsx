import { ActionIcon, Alert, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { MoreIcon } from '../../../shared/components/more-icon';
import { Trans, useTranslation } from '../../../shared/i18n';
import { useCampaignLifecycle, useDuplicateCampaign, type LibraryCampaign } from '../hooks/use-campaigns';

type Action = 'archive' | 'restore' | 'delete';

const COLOR: Record<Action, string> = { archive: 'indigo', restore: 'indigo', delete: 'red.9' };

/** What each lifecycle change asks before, and says once done, of the campaign named `name`. */
function useConfirmText(
  name: string,
): Record<Action, { title: string; text: ReactNode; button: string; done: string }> {
  const { t } = useTranslation('campaigns');
  const strong = { name: <strong /> };
  return {
    archive: {
      title: t('archive.title'),
      text: <Trans i18nKey="archive.text" t={t} values={{ name }} components={strong} />,
      button: t('archive.button'),
      done: t('archive.done', { name }),
    },
    restore: {
      title: t('restore.title'),
      text: <Trans i18nKey="restore.text" t={t} values={{ name }} components={strong} />,
      button: t('restore.button'),
      done: t('restore.done', { name }),
    },
    delete: {
      title: t('delete.title'),
      text: <Trans i18nKey="delete.text" t={t} values={{ name }} components={strong} />,
      button: t('delete.button'),
      done: t('delete.done', { name }),
    },
  };
}

/** A campaign's row menu: open, duplicate, archive or restore, delete (never launched only); each lifecycle change after a confirmation. */
export function CampaignActions({ campaign }: { campaign: LibraryCampaign }) {
  const { t } = useTranslation('campaigns');
  const texts = useConfirmText(campaign.name);
  const [action, setAction] = useState<Action | null>(null);
  const lifecycle = useCampaignLifecycle();
  const duplicate = useDuplicateCampaign();
  const copy = () =>
    duplicate.mutate(campaign.id, {
      onSuccess: (created) =>
        notifications.show({
          color: 'teal',
          message: t('actions.copied', { name: campaign.name, copy: created.name }),
        }),
      onError: (e) =>
        notifications.show({
          color: 'red',
          message: t('actions.notCopied', { name: campaign.name, reason: e.message }),
        }),
    });
  const close = () => {
    setAction(null);
    lifecycle.reset();
  };
  const confirm = action ? texts[action] : null;

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray.8" aria-label={t('actions.for', { name: campaign.name })}>
            <MoreIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to={`/console/campaigns/${campaign.id}`}>
            {t('actions.open')}
          </Menu.Item>
          <Menu.Item onClick={copy} disabled={duplicate.isPending}>
            {t('actions.duplicate')}
          </Menu.Item>
          {campaign.status === 'archived' ? (
            <Menu.Item onClick={() => setAction('restore')}>{t('actions.restore')}</Menu.Item>
          ) : (
            <Menu.Item onClick={() => setAction('archive')}>{t('actions.archive')}</Menu.Item>
          )}
          {campaign.launches === 0 ? (
            <Menu.Item color="red.9" onClick={() => setAction('delete')}>
              {t('actions.delete')}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={!!confirm} onClose={close} title={confirm?.title} closeButtonProps={{ 'aria-label': t('close') }}>
        {action && confirm ? (
          <Stack gap="md">
            <Text size="sm">{confirm.text}</Text>
            {lifecycle.error ? (
              <Alert color="red" variant="light" role="alert">
                {lifecycle.error.message}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('cancel')}
              </Button>
              <Button
                color={COLOR[action]}
                loading={lifecycle.isPending}
                onClick={() =>
                  lifecycle.mutate(
                    { id: campaign.id, action },
                    {
                      onSuccess: () => {
                        close();
                        notifications.show({ color: 'teal', message: confirm.done });
                      },
                    },
                  )
                }
              >
                {confirm.button}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}

import { ActionIcon, Alert, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { MoreIcon } from '../../../shared/components/more-icon';
import { useCampaignLifecycle, useDuplicateCampaign, type LibraryCampaign } from '../hooks/use-campaigns';

type Action = 'archive' | 'restore' | 'delete';

const CONFIRM: Record<Action, { title: string; text: string; button: string; color: string; done: string }> = {
  archive: {
    title: 'Archive this campaign?',
    text: 'Partners no longer see it in their catalogue and cannot launch it; launches under way go on. You can restore it later.',
    button: 'Archive the campaign',
    color: 'indigo',
    done: 'archived',
  },
  restore: {
    title: 'Restore this campaign?',
    text: 'It can be edited again, and partners see its published version in their catalogue once more.',
    button: 'Restore the campaign',
    color: 'indigo',
    done: 'restored',
  },
  delete: {
    title: 'Delete this campaign?',
    text: 'It is removed with its draft and versions. Only a campaign that was never launched can be deleted; archive a launched one instead.',
    button: 'Delete the campaign',
    color: 'red.9',
    done: 'deleted',
  },
};

/** A campaign's row menu: open, duplicate, archive or restore, delete (never launched only); each lifecycle change after a confirmation. */
export function CampaignActions({ campaign }: { campaign: LibraryCampaign }) {
  const [action, setAction] = useState<Action | null>(null);
  const lifecycle = useCampaignLifecycle();
  const duplicate = useDuplicateCampaign();
  const copy = () =>
    duplicate.mutate(campaign.id, {
      onSuccess: (created) =>
        notifications.show({ color: 'teal', message: `“${campaign.name}” is copied to “${created.name}”.` }),
      onError: (e) =>
        notifications.show({ color: 'red', message: `“${campaign.name}” could not be copied: ${e.message}` }),
    });
  const close = () => {
    setAction(null);
    lifecycle.reset();
  };
  const confirm = action ? CONFIRM[action] : null;

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray.8" aria-label={`Actions for ${campaign.name}`}>
            <MoreIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to={`/console/campaigns/${campaign.id}`}>
            Open in the editor
          </Menu.Item>
          <Menu.Item onClick={copy} disabled={duplicate.isPending}>
            Duplicate
          </Menu.Item>
          {campaign.status === 'archived' ? (
            <Menu.Item onClick={() => setAction('restore')}>Restore</Menu.Item>
          ) : (
            <Menu.Item onClick={() => setAction('archive')}>Archive</Menu.Item>
          )}
          {campaign.launches === 0 ? (
            <Menu.Item color="red.9" onClick={() => setAction('delete')}>
              Delete
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={!!confirm} onClose={close} title={confirm?.title} closeButtonProps={{ 'aria-label': 'Close' }}>
        {action && confirm ? (
          <Stack gap="md">
            <Text size="sm">
              <strong>{campaign.name}</strong>: {confirm.text}
            </Text>
            {lifecycle.error ? (
              <Alert color="red" variant="light" role="alert">
                {lifecycle.error.message}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                color={confirm.color}
                loading={lifecycle.isPending}
                onClick={() =>
                  lifecycle.mutate(
                    { id: campaign.id, action },
                    {
                      onSuccess: () => {
                        close();
                        notifications.show({ color: 'teal', message: `“${campaign.name}” is ${confirm.done}.` });
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

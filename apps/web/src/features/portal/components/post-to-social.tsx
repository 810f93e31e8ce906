import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { SocialAccountPicker } from '../../../shared/components/social-account-picker';
import { choiceFor, type SocialAccountChoice } from '../../../shared/lib/social-accounts';
import { networkName } from '../../../shared/lib/social-networks';
import { useCreateSocialPost, type SocialPostRequest } from '../hooks/use-social-post';

const NETWORKS: SocialPostRequest['networks'] = ['linkedin', 'x', 'facebook'];

/**
 * "Post to social" for one campaign: the networks, the account on a network with several, and a
 * local time (blank: now). Every rule — a network not connected, an account that cannot post, a
 * time in the past — is the API's, shown at its field.
 */
export function PostToSocial({
  campaignId,
  opened,
  onClose,
}: {
  campaignId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateSocialPost();
  const [networks, setNetworks] = useState<string[]>(['linkedin']);
  const [publishAt, setPublishAt] = useState('');
  const [accounts, setAccounts] = useState<SocialAccountChoice>({});
  const chosen = networks as SocialPostRequest['networks'];
  const problems = create.error instanceof ApiError ? create.error.problems : [];
  const at = (path: string) =>
    problems
      .filter((p) => p.path === path || p.path.startsWith(`${path}.`))
      .map((p) => p.message)
      .join('; ') || undefined;

  const submit = () =>
    create.mutate({
      campaignId,
      networks: chosen,
      // Only the networks posted to: an account of a network unticked is not sent.
      accounts: choiceFor(chosen, accounts),
      ...(publishAt ? { publishAt } : {}),
    });
  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Post to social" closeButtonProps={{ 'aria-label': 'Close' }}>
      {create.isSuccess ? (
        <Stack gap="sm">
          <Text>The post is scheduled.</Text>
          <Group>
            <Button component={Link} to="/portal/social/calendar">
              Open the social calendar
            </Button>
            <Button variant="default" onClick={close}>
              Close
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Checkbox.Group
            label="Networks"
            description="Among the accounts you have connected"
            value={networks}
            onChange={setNetworks}
            error={at('networks')}
          >
            <Group mt="xs">
              {NETWORKS.map((n) => (
                <Checkbox key={n} value={n} label={networkName(n)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SocialAccountPicker
            networks={chosen}
            value={accounts}
            onChange={setAccounts}
            errorAt={(n) => at(`accounts.${n}`)}
          />
          <TextInput
            type="datetime-local"
            label="Publish at"
            description="In your company’s time zone; leave empty to post now"
            value={publishAt}
            onChange={(e) => setPublishAt(e.currentTarget.value)}
            error={at('publishAt')}
          />
          {create.isError && !problems.length ? (
            <Alert color="red" variant="light" title="Not scheduled">
              {create.error.message}
            </Alert>
          ) : null}
          {create.isError &&
          problems.some(
            (p) =>
              p.path !== 'networks' &&
              p.path !== 'publishAt' &&
              !p.path.startsWith('networks.') &&
              !p.path.startsWith('accounts.'),
          ) ? (
            <Alert color="red" variant="light" title="Not scheduled">
              {problems.map((p) => p.message).join('; ')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={submit} loading={create.isPending}>
              Schedule post
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

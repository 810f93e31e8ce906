import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { useTranslation } from '../../../shared/i18n';
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
  const { t } = useTranslation('portal');
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
    <Modal
      opened={opened}
      onClose={close}
      title={t('social.title')}
      closeButtonProps={{ 'aria-label': t('social.close') }}
    >
      {create.isSuccess ? (
        <Stack gap="sm">
          <Text>{t('social.scheduled')}</Text>
          <Group>
            <Button component={Link} to="/portal/social/calendar">
              {t('social.openCalendar')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('social.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Checkbox.Group
            label={t('social.networks')}
            description={t('social.networksDescription')}
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
            label={t('social.publishAt')}
            description={t('social.publishAtDescription')}
            value={publishAt}
            onChange={(e) => setPublishAt(e.currentTarget.value)}
            error={at('publishAt')}
          />
          {create.isError && !problems.length ? (
            <Alert color="red" variant="light" title={t('social.notScheduled')}>
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
            <Alert color="red" variant="light" title={t('social.notScheduled')}>
              {problems.map((p) => p.message).join('; ')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('social.cancel')}
            </Button>
            <Button onClick={submit} loading={create.isPending}>
              {t('social.schedule')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Select, Stack } from '@mantine/core';
import { $api } from '../../api/query';
import { accountPickers, type SocialAccountChoice } from '../lib/social-accounts';
import { networkName, type PostNetwork } from '../lib/social-networks';
import { useTranslation } from '../i18n';

/**
 * "Post as" for each chosen network on which the partner has more than one working account:
 * one of them, or none for the default, which is named next to the picker (the most recently
 * connected, as the API decides when publishing). The API's own error shows at its field.
 */
export function SocialAccountPicker({
  networks,
  value,
  onChange,
  errorAt,
}: {
  networks: PostNetwork[];
  value: SocialAccountChoice;
  onChange: (value: SocialAccountChoice) => void;
  errorAt: (network: PostNetwork) => string | undefined;
}) {
  const { t } = useTranslation('shared');
  // The same query as the social page's: one request, one cache entry.
  const connections = $api.useQuery('get', '/social-connections', { params: { query: { limit: 100, offset: 0 } } });
  const pickers = accountPickers(connections.data?.items ?? [], networks, value, (n) => !!errorAt(n));
  if (!pickers.length) return null;
  return (
    <Stack gap="sm">
      {pickers.map(({ network, accounts, defaultAccount }) => {
        const name = networkName(network);
        return (
          <Select
            key={network}
            label={t('socialAccounts.label', { network: name })}
            description={
              defaultAccount
                ? t('socialAccounts.emptyIsNewestNow', { network: name, account: defaultAccount.accountName })
                : t('socialAccounts.emptyIsNewest', { network: name })
            }
            placeholder={
              defaultAccount
                ? t('socialAccounts.defaultIs', { account: defaultAccount.accountName })
                : t('socialAccounts.default')
            }
            clearable
            data={accounts.map((c) => ({ value: c.id, label: c.accountName }))}
            value={value[network] ?? null}
            onChange={(id) => {
              const next = { ...value };
              if (id) next[network] = id;
              else delete next[network];
              onChange(next);
            }}
            error={errorAt(network)}
          />
        );
      })}
    </Stack>
  );
}

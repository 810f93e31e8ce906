import { Select, Stack, Text } from '@mantine/core';
import { useSocialConnections } from '../hooks/use-social-connections';
import { useTranslation } from '../i18n';
import { accountPickers, type AccountPicker, type SocialAccountChoice } from '../lib/social-accounts';
import { networkName, type PostNetwork } from '../lib/social-networks';

/** The select's value for "nothing chosen" (connection ids are UUIDs: never this). */
const NEWEST = 'newest';

/**
 * "Post as" for each chosen network: on a network with more than one working account a select
 * whose first option, preselected, is the default the API posts as (the most recently connected,
 * named below it); with one account, which one it is, in words. The API's own error shows at
 * its select.
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
  const connections = useSocialConnections();
  // Expiries are judged at the time the form opened (a form stays open minutes, not days).
  const pickers = accountPickers(connections.data?.items ?? [], networks, value, (n) => !!errorAt(n));
  if (!pickers.length) return null;

  const choose = (network: PostNetwork, id: string | null) => {
    const next = { ...value };
    if (id && id !== NEWEST) next[network] = id;
    else delete next[network];
    onChange(next);
  };
  const options = (p: Extract<AccountPicker, { kind: 'choose' }>) => [
    { value: NEWEST, label: t('socialAccounts.newest') },
    ...p.accounts.map((c) => ({ value: c.id, label: c.accountName })),
    ...(p.lost
      ? [
          {
            value: p.lost.id,
            label: p.lost.account
              ? t('socialAccounts.notWorking', { account: p.lost.account.accountName })
              : t('socialAccounts.removed'),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="sm">
      {pickers.map((p) => {
        const network = networkName(p.network);
        if (p.kind === 'show')
          return (
            <Text key={p.network} size="sm">
              {t('socialAccounts.only', { network, account: p.account.accountName })}
            </Text>
          );
        return (
          <Select
            key={p.network}
            label={t('socialAccounts.label', { network })}
            description={
              p.defaultAccount
                ? t('socialAccounts.newestIs', { network, account: p.defaultAccount.accountName })
                : t('socialAccounts.newestRule', { network })
            }
            data={options(p)}
            value={value[p.network] ?? NEWEST}
            onChange={(id) => choose(p.network, id)}
            allowDeselect={false}
            error={errorAt(p.network)}
          />
        );
      })}
    </Stack>
  );
}

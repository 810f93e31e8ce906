import { Alert, Button, Divider, Stack } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import { useSsoButtons } from '../hooks/use-sso-buttons';

/** Why a single sign-on came back refused (the API's `?sso_error=`); the page words each. */
const REASONS = ['expired', 'provider', 'email', 'partner', 'account', 'disabled', 'connection'] as const;
type Reason = (typeof REASONS)[number];

export function ssoErrorFrom(search: string): Reason | null {
  const reason = new URLSearchParams(search).get('sso_error');
  return REASONS.find((r) => r === reason) ?? null;
}

/**
 * The vendor's identity providers as buttons: each a plain link (the browser leaves for the
 * provider and comes back signed in), carrying the deep link to open afterwards.
 */
export function SsoButtons({ vendorSlug, next }: { vendorSlug: string | null; next: string | null }) {
  const { t } = useTranslation('session');
  const buttons = useSsoButtons(vendorSlug).data?.items ?? [];
  if (buttons.length === 0) return null;
  const query = next ? `?${new URLSearchParams({ returnTo: next }).toString()}` : '';
  return (
    <Stack gap="sm">
      {buttons.map((b) => (
        <Button key={b.id} component="a" href={`${b.startUrl}${query}`} variant="default" fullWidth>
          {t('signIn.sso.button', { name: b.name })}
        </Button>
      ))}
      <Divider label={t('signIn.sso.or')} labelPosition="center" />
    </Stack>
  );
}

/** The refusal a single sign-on came back with, said plainly. */
export function SsoRefusal({ reason }: { reason: Reason }) {
  const { t } = useTranslation('session');
  const said: Record<Reason, string> = {
    expired: t('signIn.sso.refused.expired'),
    provider: t('signIn.sso.refused.provider'),
    email: t('signIn.sso.refused.email'),
    partner: t('signIn.sso.refused.partner'),
    account: t('signIn.sso.refused.account'),
    disabled: t('signIn.sso.refused.disabled'),
    connection: t('signIn.sso.refused.connection'),
  };
  return (
    <Alert color="red" variant="light" role="alert" title={t('signIn.sso.refusedTitle')}>
      {said[reason]}
    </Alert>
  );
}

import { Alert, Button, Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import { useDiscoveredSsoButtons, useSsoButtons, type SsoButton } from '../hooks/use-sso-buttons';
import { notShownYet } from '../sso-discovery';

/** Why a single sign-on came back refused (the API's `?sso_error=`); the page words each. */
const REASONS = ['expired', 'provider', 'email', 'partner', 'account', 'disabled', 'connection', 'domain'] as const;
type Reason = (typeof REASONS)[number];

export function ssoErrorFrom(search: string): Reason | null {
  const reason = new URLSearchParams(search).get('sso_error');
  return REASONS.find((r) => r === reason) ?? null;
}

/**
 * Identity providers as buttons: each a plain link (the browser leaves for the provider and comes
 * back signed in), carrying the deep link to open afterwards.
 */
function SsoLinks({ buttons, next }: { buttons: SsoButton[]; next: string | null }) {
  const { t } = useTranslation('session');
  const query = next ? `?${new URLSearchParams({ returnTo: next }).toString()}` : '';
  return buttons.map((b) => (
    <Button key={b.id} component="a" href={`${b.startUrl}${query}`} variant="default" fullWidth>
      {t('signIn.sso.button', { name: b.name })}
    </Button>
  ));
}

/** The vendor's identity providers, above the email. */
export function SsoButtons({ vendorSlug, next }: { vendorSlug: string | null; next: string | null }) {
  const { t } = useTranslation('session');
  const buttons = useSsoButtons(vendorSlug).data?.items ?? [];
  if (buttons.length === 0) return null;
  return (
    <Stack gap="sm">
      <SsoLinks buttons={buttons} next={next} />
      <Divider label={t('signIn.sso.or')} labelPosition="center" />
    </Stack>
  );
}

/**
 * The providers the typed address's domain selects (its company's own), under the email and above
 * the password; those the vendor's buttons above already offer are not repeated. The region is
 * polite-live: a screen reader hears the buttons arrive.
 */
export function DiscoveredSsoButtons({
  email,
  vendorSlug,
  next,
}: {
  email: string;
  vendorSlug: string | null;
  next: string | null;
}) {
  const { t } = useTranslation('session');
  const buttons = notShownYet(useDiscoveredSsoButtons(email, vendorSlug), useSsoButtons(vendorSlug).data?.items ?? []);
  return (
    <Stack gap="sm" aria-live="polite" pt={buttons.length > 0 ? 'md' : 0}>
      {buttons.length > 0 ? (
        <>
          <Text size="sm">{t('signIn.sso.yourCompany')}</Text>
          <SsoLinks buttons={buttons} next={next} />
          <Divider label={t('signIn.sso.orPassword')} labelPosition="center" />
        </>
      ) : null}
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
    domain: t('signIn.sso.refused.domain'),
  };
  return (
    <Alert color="red" variant="light" role="alert" title={t('signIn.sso.refusedTitle')}>
      {said[reason]}
    </Alert>
  );
}

import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { Chevron } from '../../../shared/components/chevron';
import { useSession } from '../../../shared/hooks/use-session';
import { isLanguage, LANGUAGES, languageName, useTranslation, type Language } from '../../../shared/i18n';
import { useRoleLabel } from '../../../shared/lib/role-labels';
import { useChangeLanguage, useSignOut } from '../hooks/use-session';

/**
 * The header's account menu: who is signed in, their language (shown and changed here), a
 * partner user's account page, sign out, sign out everywhere; or a sign-in link.
 */
export function UserMenu() {
  const { t } = useTranslation('session');
  const roleLabel = useRoleLabel();
  const session = useSession();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOut(true);
  const changeLanguage = useChangeLanguage();

  if (session.isPending || session.isError) return null;
  if (!session.data) {
    return (
      <Button component={Link} to="/sign-in" size="xs" variant="default">
        {t('shared:actions.signIn')}
      </Button>
    );
  }
  const { user } = session.data;
  const chosen: Language | null = isLanguage(user.locale) ? user.locale : null;
  const choose = (locale: Language | null) =>
    changeLanguage.mutate(locale, {
      onError: (error) =>
        notifications.show({ color: 'red', message: t('menu.languageNotSaved', { reason: error.message }) }),
    });
  // A language's own name, in that language ("Deutsch"): whoever cannot read the current one still finds theirs.
  const languageItem = (locale: Language | null, label: string) => (
    <Menu.Item
      key={locale ?? 'browser'}
      // Mantine's items are menuitems (not radios): the chosen one is marked current, and ticked.
      aria-current={chosen === locale ? 'true' : undefined}
      lang={locale ?? undefined}
      onClick={() => choose(locale)}
      rightSection={chosen === locale ? <Check /> : null}
    >
      {label}
    </Menu.Item>
  );
  return (
    // No focus placeholder: it is a role-less child of the menu, which axe refuses (aria-required-children).
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          aria-label={t('menu.account', { name: user.name })}
          rightSection={<Chevron />}
          maw={180}
        >
          <Text size="xs" fw={600} truncate>
            {user.name}
          </Text>
        </Button>
      </Menu.Target>
      {/* Never wider than a phone's screen: a long address wraps instead. */}
      <Menu.Dropdown maw="calc(100vw - 16px)">
        <Menu.Label className="wrap-anywhere">
          {user.email}
          <br />
          {roleLabel(user.role)}
        </Menu.Label>
        {user.partnerId ? (
          <Menu.Item component={Link} to="/portal/account">
            {t('menu.accountAndSessions')}
          </Menu.Item>
        ) : null}
        <Menu.Item onClick={() => signOut.mutate()}>{t('menu.signOut')}</Menu.Item>
        <Menu.Item onClick={() => signOutEverywhere.mutate()}>{t('signOutEverywhere')}</Menu.Item>
        <Menu.Divider />
        <Menu.Label>
          {chosen ? t('menu.languageIs', { language: languageName(chosen) }) : t('menu.languageIsBrowsers')}
        </Menu.Label>
        {LANGUAGES.map((locale) => languageItem(locale, languageName(locale)))}
        {languageItem(null, t('menu.browserLanguage'))}
      </Menu.Dropdown>
    </Menu>
  );
}

function Check() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <path d="M3 7.5l2.5 2.5L11 4.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

import { useEffect } from 'react';
import { useSession } from '../hooks/use-session';
import { browserChoice, isLanguage, rememberLanguage } from './languages';
import { changeLanguage } from './setup';

/**
 * The app follows the signed-in user's language: their profile's choice (`locale`), or, when
 * they chose none, the browser's. This browser remembers a choice so the next visit starts in it.
 * Signed out, the app stays in the language the visit started in.
 */
export function useProfileLanguage(): void {
  const session = useSession();
  const user = session.data?.user;
  const chosen = user ? (isLanguage(user.locale) ? user.locale : null) : undefined;
  useEffect(() => {
    if (chosen === undefined) return;
    rememberLanguage(chosen);
    void changeLanguage(chosen ?? browserChoice());
  }, [chosen]);
}

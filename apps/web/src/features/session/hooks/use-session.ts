import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setActingFor, setCsrfToken, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';
import { SESSION_KEY } from '../../../shared/hooks/use-session';
import { changeLanguage, type Language } from '../../../shared/i18n';
import { forgetNext } from '../../../shared/lib/next-path';

/** Why the sign-in page was opened, as the page that sent the visitor there says it (the page words it). */
export type SignInNotice = 'accountReady' | 'passwordSet' | 'signedOut' | 'signedOutEverywhere';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['SignInDto']) => {
      // A new sign-in acts as itself, whatever the tab did before.
      setActingFor(null);
      const session = await unwrap(api.POST('/auth/sign-in', { body }));
      setCsrfToken(session.csrfToken);
      return session;
    },
    // Everything cached belonged to whoever was signed in before.
    onSuccess: () => queryClient.resetQueries(),
  });
}

/**
 * Signs out (of every device with `everywhere`) and opens the sign-in page saying so. The page is
 * left before the caches are emptied: a page that needs an account, finding nobody signed in,
 * would otherwise send the visitor to sign in and back to it.
 */
export function useSignOut(everywhere = false) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      setActingFor(null);
      // Whoever signs in next in this tab starts from home, not from this user's last deep link.
      forgetNext();
      await (everywhere ? api.POST('/auth/sign-out-everywhere') : api.POST('/auth/sign-out'));
    },
    onSuccess: async () => {
      setCsrfToken(null);
      const reason: SignInNotice = everywhere ? 'signedOutEverywhere' : 'signedOut';
      // flushSync: the sign-in page is on screen before the caches empty. In a transition the old
      // page would stay mounted a moment, find nobody signed in and send the visitor to sign in
      // again, without the reason (the "signed out on every device" notice was lost that way).
      await navigate('/sign-in', { state: { reason }, flushSync: true });
      queryClient.setQueryData(SESSION_KEY, null);
      await queryClient.resetQueries();
    },
  });
}

/** Who invited whom, before accepting: a POST, since the token must not travel in an address. */
export function useInvitationPreview(token: string) {
  return useQuery({
    ...$api.queryOptions('post', '/auth/invitations/preview', { body: { token } }),
    retry: false,
  });
}

/** Accepting an invitation signs the new user in (the API sets the session), as a sign-in does. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['AcceptInvitationDto']) => {
      setActingFor(null);
      const accepted = await unwrap(api.POST('/auth/invitations/accept', { body }));
      if (accepted.csrfToken) setCsrfToken(accepted.csrfToken);
      return accepted;
    },
    // Everything cached belonged to whoever was signed in before (or to nobody).
    onSuccess: (accepted) => (accepted.signedIn ? queryClient.resetQueries() : undefined),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (body: components['schemas']['RequestPasswordResetDto']) => {
      await api.POST('/auth/password-reset-requests', { body });
    },
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: components['schemas']['ResetPasswordDto']) =>
      unwrap(api.POST('/auth/password-resets', { body })),
  });
}

/**
 * The signed-in user's own language (PATCH /me; null: the browser's). The page changes at once;
 * the session is read again, so every tab's profile language follows (useProfileLanguage).
 */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Language | null) => unwrap(api.PATCH('/me', { body: { locale } })),
    onMutate: (locale) => (locale ? changeLanguage(locale) : undefined),
    onSuccess: () => queryClient.invalidateQueries(under('/auth/session')),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, setActingFor, setCsrfToken, type components } from '../../../api/client';

export type CurrentSession = components['schemas']['CurrentSessionDto'];

export const sessionQueryKey = ['session'] as const;

/** The signed-in user of this browser; `null` when not signed in. Keeps the CSRF token for the client. */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async ({ signal }): Promise<CurrentSession | null> => {
      const { data, error, response } = await api.GET('/auth/session', { signal });
      if (response.status === 401) {
        setCsrfToken(null);
        return null;
      }
      if (data === undefined) throw new ApiError(response, error);
      setCsrfToken(data.csrfToken);
      return data;
    },
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['SignInDto']) => {
      // A new sign-in acts as itself, whatever the tab did before.
      setActingFor(null);
      const { data, error, response } = await api.POST('/auth/sign-in', { body });
      if (data === undefined) throw new ApiError(response, error);
      setCsrfToken(data.csrfToken);
      return data;
    },
    // Everything cached belonged to whoever was signed in before.
    onSuccess: () => queryClient.resetQueries(),
  });
}

export function useSignOut(everywhere = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      setActingFor(null);
      const { error, response } = everywhere
        ? await api.POST('/auth/sign-out-everywhere')
        : await api.POST('/auth/sign-out');
      if (!response.ok) throw new ApiError(response, error);
    },
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.setQueryData(sessionQueryKey, null);
      return queryClient.resetQueries();
    },
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    retry: false,
    queryFn: async () => {
      const { data, error, response } = await api.POST('/auth/invitations/preview', { body: { token } });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: async (body: components['schemas']['AcceptInvitationDto']) => {
      const { data, error, response } = await api.POST('/auth/invitations/accept', { body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (body: components['schemas']['RequestPasswordResetDto']) => {
      const { error, response } = await api.POST('/auth/password-reset-requests', { body });
      if (!response.ok) throw new ApiError(response, error);
    },
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: async (body: components['schemas']['ResetPasswordDto']) => {
      const { data, error, response } = await api.POST('/auth/password-resets', { body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

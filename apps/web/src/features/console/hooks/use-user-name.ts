import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useMe } from '../../session/hooks/use-me';

/**
 * A vendor user's name for the versions list: "you", or the name GET /users/{id} gives (vendor
 * admins only); otherwise null, and the caller shows something plainer.
 */
export function useUserName(userId: string | null) {
  const me = useMe();
  const mine = !!userId && me.data?.userId === userId;
  const user = useQuery({
    queryKey: ['console', 'users', userId],
    enabled: !!userId && !mine && me.data?.role === 'vendor_admin',
    retry: false,
    queryFn: async ({ signal }) =>
      (await api.GET('/users/{id}', { params: { path: { id: userId ?? '' } }, signal })).data?.name ?? null,
  });
  return mine ? 'you' : (user.data ?? null);
}

import { $api } from '../../../api/query';
import { useMe } from '../../../shared/hooks/use-me';

/**
 * A vendor user's name for the versions list: `you` (the reader published it), or the name
 * GET /users/{id} gives (vendor admins only); otherwise null, and the caller shows something plainer.
 */
export function useUserName(userId: string | null): { you: true } | string | null {
  const me = useMe();
  const mine = !!userId && me.data?.userId === userId;
  const user = $api.useQuery(
    'get',
    '/users/{id}',
    { params: { path: { id: userId ?? '' } } },
    { enabled: !!userId && !mine && me.data?.role === 'vendor_admin', retry: false },
  );
  return mine ? { you: true } : (user.data?.name ?? null);
}

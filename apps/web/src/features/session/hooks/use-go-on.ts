import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { sessionQuery } from '../../../shared/hooks/use-session';
import { landingOf } from '../../../shared/lib/landing';
import { forgetNext, takeNext } from '../../../shared/lib/next-path';

/**
 * Once signed in (by signing in, or by accepting an invitation): on to where the visitor was
 * heading (the `next` deep link, or the one this tab remembers from earlier in the flow), else
 * to `first` (a new partner user's guided set-up), else where the session's capabilities say
 * they start (`landingOf`).
 */
export function useGoOn(next: string | null, first?: string): () => void {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return () => {
    const asked = next ?? takeNext() ?? first;
    forgetNext();
    const landing = async () => landingOf((await queryClient.ensureQueryData(sessionQuery))?.capabilities);
    void (asked ? Promise.resolve(asked) : landing()).then((to) => navigate(to, { replace: true }));
  };
}

import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { setActingFor } from '../../api/client';

/**
 * Concierge mode: open a partner's portal as that partner (every request says so with
 * X-Acting-For, and the API records it in the partner's audit log), or stop. Everything cached
 * belonged to the other identity, so it is read again.
 */
export function useConcierge() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return {
    open: async (partnerId: string) => {
      setActingFor(partnerId);
      await queryClient.resetQueries();
      await navigate('/portal');
    },
    stop: async (to = '/console/partners') => {
      setActingFor(null);
      await queryClient.resetQueries();
      await navigate(to);
    },
  };
}

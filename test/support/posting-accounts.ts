import type { ApiHarness } from './api-harness';

/**
 * Connects a partner's LinkedIn account the way a partner does: the engine starts the
 * authorization, the (stub) network's page redirects back to the engine's callback, which
 * stores the connection. Returns the connection's id.
 */
export async function connectLinkedIn(api: ApiHarness, partnerToken: string): Promise<string> {
  const as = { Authorization: `Bearer ${partnerToken}` };
  const started = await api.http().post('/social-connections/linkedin/start').set(as).expect(200);
  const page = await fetch(started.body.authorizationUrl as string, { redirect: 'manual' });
  const back = new URL(page.headers.get('location') ?? '');
  await api.http().get(`${back.pathname}${back.search}`).expect(302);
  const listed = await api.http().get('/social-connections').set(as).expect(200);
  const connection = (listed.body.items as Array<{ id: string; network: string }>).find(
    (c) => c.network === 'linkedin',
  );
  if (!connection) throw new Error('LinkedIn was not connected');
  return connection.id;
}

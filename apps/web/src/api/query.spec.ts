import type { Query } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';

/** The engine, as fetch sees it: each test says what it answers, and reads what was asked. */
const engine = vi.fn<(request: Request) => Promise<Response>>();
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

// The client takes fetch when it is made: the stub goes in first.
vi.stubGlobal('fetch', (input: Request) => engine(input));
const { api, setCsrfToken } = await import('./client');
const { $api, keyOf, orSignedOut, under, unwrap } = await import('./query');

beforeEach(() => engine.mockReset());
afterEach(() => setCsrfToken(null));

describe('the client', () => {
  it('answers the data of a success', async () => {
    engine.mockResolvedValue(json(200, { userId: 'u1', role: 'partner_admin' }));
    await expect(unwrap(api.GET('/me'))).resolves.toMatchObject({ userId: 'u1' });
  });

  it('throws every refusal as an ApiError with its status, field problems and request id', async () => {
    engine.mockResolvedValue(
      json(422, {
        message: 'Validation failed',
        errors: [{ path: 'name', message: 'is empty' }],
        requestId: 'req-42',
      }),
    );
    const refusal = await api.POST('/campaigns', { body: { name: '', language: 'en' } }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({
      status: 422,
      message: 'Validation failed',
      problems: [{ path: 'name', message: 'is empty' }],
      requestId: 'req-42',
    });
  });

  it('says the status when the refusal is not JSON (a proxy’s page)', async () => {
    engine.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(api.GET('/me')).rejects.toMatchObject({ status: 502, message: 'The engine answered 502 Bad Gateway' });
  });

  it('sends the session’s CSRF token with every change, and only then', async () => {
    setCsrfToken('token-1');
    engine.mockResolvedValue(new Response(null, { status: 204 }));
    await api.DELETE('/auth/sessions/{id}', { params: { path: { id: 's1' } } });
    engine.mockResolvedValue(json(200, { items: [], total: 0 }));
    await api.GET('/auth/sessions', { params: { query: { limit: 10, offset: 0 } } });
    const [[change], [read]] = engine.mock.calls;
    expect(change?.headers.get('X-CSRF-Token')).toBe('token-1');
    expect(read?.headers.get('X-CSRF-Token')).toBeNull();
  });
});

describe('orSignedOut', () => {
  it('reads a 401 as nobody signed in, and lets other refusals through', async () => {
    engine.mockResolvedValue(json(401, { message: 'Sign in' }));
    await expect(orSignedOut(unwrap(api.GET('/me')))).resolves.toBeNull();
    engine.mockResolvedValue(json(500, { message: 'Down' }));
    await expect(orSignedOut(unwrap(api.GET('/me')))).rejects.toBeInstanceOf(ApiError);
  });
});

describe('query keys', () => {
  it('are the method, the path and the parameters, as $api makes them', () => {
    const init = { params: { path: { id: 'l1' } } };
    expect(keyOf('get', '/launches/{id}', init)).toEqual($api.queryOptions('get', '/launches/{id}', init).queryKey);
    expect(keyOf('get', '/me')).toEqual(['get', '/me']);
  });

  it('are found by the paths a change touches, and by nothing else', () => {
    const reads = (path: string) => ({ queryKey: ['get', path, {}] }) as unknown as Query;
    const { predicate } = under('/launches', '/partners/{partnerId}/lists');
    expect(predicate(reads('/launches'))).toBe(true);
    expect(predicate(reads('/launches/{id}/progress'))).toBe(true);
    expect(predicate(reads('/partners/{partnerId}/lists'))).toBe(true);
    expect(predicate(reads('/launches-archive'))).toBe(false);
    expect(predicate(reads('/partners/{partnerId}/prospects'))).toBe(false);
  });
});

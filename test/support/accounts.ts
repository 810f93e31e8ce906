import { randomUUID } from 'node:crypto';
import type { ApiHarness } from './api-harness';
import { linkFromOutbox } from './notices';

export const TEST_PASSWORD = 'correct horse battery';

/** A user who joined by invitation (the mailed link) with TEST_PASSWORD; their email. */
export async function invitedUser(
  api: ApiHarness,
  inviterToken: string,
  body: { role: string; partnerId?: string },
  email = `user-${randomUUID().slice(0, 8)}@accounts.example`,
): Promise<string> {
  await api
    .http()
    .post('/user-invitations')
    .set('Authorization', `Bearer ${inviterToken}`)
    .send({ ...body, email })
    .expect(201);
  const { token } = await linkFromOutbox(email, '/invitations');
  await api
    .http()
    .post('/auth/invitations/accept')
    .send({ token, name: 'Invited User', password: TEST_PASSWORD })
    .expect(200);
  return email;
}

/** Signs in; the Cookie header to send and the session's CSRF token. */
export async function signedIn(
  api: ApiHarness,
  email: string,
  headers: Record<string, string> = {},
): Promise<{ cookie: string; csrf: string }> {
  const res = await api.http().post('/auth/sign-in').set(headers).send({ email, password: TEST_PASSWORD }).expect(200);
  return { cookie: String(res.headers['set-cookie'][0]).split(';')[0], csrf: res.body.csrfToken };
}

import { AppConfig } from '@tcma/config';
import type { Response } from 'express';
import { SessionCookie } from './session-cookie';

describe(SessionCookie.name, () => {
  const written = (sut: SessionCookie) => {
    const calls: unknown[][] = [];
    sut.set(
      { cookie: (...args: unknown[]) => calls.push(args) } as unknown as Response,
      'secret',
      new Date('2026-12-01T00:00:00Z'),
    );
    return calls[0];
  };

  it('is Secure and __Host- prefixed when PUBLIC_BASE_URL is https', () => {
    const sut = new SessionCookie(new AppConfig({ PUBLIC_BASE_URL: 'https://engine.example' }));
    expect(written(sut)).toEqual([
      '__Host-tcma_session',
      'secret',
      { httpOnly: true, sameSite: 'lax', secure: true, path: '/', expires: new Date('2026-12-01T00:00:00Z') },
    ]);
  });

  it('is plain over http (a local installation), still httpOnly and SameSite=Lax', () => {
    const sut = new SessionCookie(new AppConfig({ PUBLIC_BASE_URL: 'http://localhost:3000' }));
    expect(written(sut)).toEqual([
      'tcma_session',
      'secret',
      expect.objectContaining({ httpOnly: true, sameSite: 'lax', secure: false }),
    ]);
  });

  it('reads its own cookie among others', () => {
    const sut = new SessionCookie(new AppConfig({}));
    expect(sut.read({ headers: { cookie: 'a=1; tcma_session=abc; b=2' } } as never)).toBe('abc');
    expect(sut.read({ headers: { cookie: 'xtcma_session=abc' } } as never)).toBeUndefined();
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import { SocialNetworks } from '@tcma/social';
import { PostingAccounts } from '@tcma/social-posts';

export interface BrokenMark {
  partnerId: string | null;
  connectionId: string;
  reason: string;
}

/**
 * One partner's LinkedIn account, authorized through the stub's real authorization-code dance
 * (the engine's adapter), made the account every given app posts with. A stand-in for the
 * social connections (libs/social) until publishing reads them; `broken` records markBroken.
 */
export async function connectLinkedIn(apps: INestApplicationContext[], partnerId: string): Promise<{ broken: BrokenMark[] }> {
  const linkedin = apps[0].get(SocialNetworks).get('linkedin');
  const redirectUri = 'http://engine.test/social/callback';
  const authorize = await fetch(linkedin.authorizationUrl({ state: 'state-1', codeChallenge: '', redirectUri }), { redirect: 'manual' });
  const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const [grant] = await linkedin.exchangeCode({ code, codeVerifier: '', redirectUri });
  const broken: BrokenMark[] = [];
  for (const app of apps) {
    const accounts = app.get(PostingAccounts);
    jest.spyOn(accounts, 'connectedNetworks').mockImplementation((scope) => Promise.resolve(scope.partnerId === partnerId ? ['linkedin'] : []));
    jest.spyOn(accounts, 'forPosting').mockImplementation((scope, network) => Promise.resolve(scope.partnerId === partnerId && network === 'linkedin' ? { connectionId: 'conn-1', accessToken: grant.accessToken, accountId: grant.accountId } : null));
    jest.spyOn(accounts, 'markBroken').mockImplementation((scope, connectionId, reason) => Promise.resolve(void broken.push({ partnerId: scope.partnerId, connectionId, reason })));
  }
  return { broken };
}

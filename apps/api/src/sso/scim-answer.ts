import { VendorScope } from '@tcma/persistence';
import { ScimError, ScimService } from '@tcma/sso';
import type { Request, Response } from 'express';

export const SCIM_TYPE = 'application/scim+json';

/** Authenticates the SCIM token, runs the work in its vendor, and answers in SCIM's shapes, refusals too. */
export async function scimAnswer(
  scim: ScimService,
  req: Request,
  res: Response,
  status: number,
  work: (scope: VendorScope) => Promise<object | null>,
): Promise<void> {
  try {
    const body = await work(await scim.vendorOf(req.headers.authorization));
    if (body === null) res.status(status).end();
    else res.status(status).type(SCIM_TYPE).send(JSON.stringify(body));
  } catch (e) {
    if (!(e instanceof ScimError)) throw e;
    res.status(e.status).type(SCIM_TYPE).send(JSON.stringify(e.body()));
  }
}

/** SCIM's paging: `startIndex` from 1, `count` capped by the caller. */
export function scimPage(startIndex: unknown, count: unknown, max: number): { start: number; size: number } {
  return {
    start: Math.max(1, Number(startIndex) || 1),
    size: count === undefined ? max : Math.max(0, Number(count) || 0),
  };
}

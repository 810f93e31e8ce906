import { Injectable } from '@nestjs/common';
import { readCookie } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { CRM_STATE_TTL_MS } from '@tcma/crm';
import type { Request, Response } from 'express';

/** The cookie that carries a CRM connection's sealed state from its start to the CRM's redirect. */
@Injectable()
export class CrmStateCookie {
  private readonly name: string;
  private readonly secure: boolean;

  constructor(config: AppConfig) {
    this.secure = new URL(config.publicBaseUrl).protocol === 'https:';
    this.name = this.secure ? '__Host-tcma_crm' : 'tcma_crm';
  }

  set(res: Response, sealed: string): void {
    // Lax: the CRM sends the browser back with a top-level GET, which carries it.
    res.cookie(this.name, sealed, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      maxAge: CRM_STATE_TTL_MS,
    });
  }

  /** Read once: the cookie is cleared as it is read. */
  take(req: Request, res: Response): string | undefined {
    res.clearCookie(this.name, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' });
    return readCookie(req, this.name);
  }
}

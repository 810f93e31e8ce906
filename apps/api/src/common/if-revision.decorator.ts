import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { BadRequestError } from '@tcma/errors';
import type { Request } from 'express';

/**
 * The revision in an If-Match header ("3" or 3), or undefined when the header is absent.
 * With it an edit applies only to the revision the client last saw (else 412).
 */
export const IfRevision = createParamDecorator((_data: unknown, ctx: ExecutionContext): number | undefined => {
  const raw = ctx.switchToHttp().getRequest<Request>().headers['if-match'];
  if (raw === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(raw));
  if (!m)
    throw new BadRequestError('If-Match must be a campaign revision number', [
      { path: 'If-Match', message: 'must be a revision number such as "3"' },
    ]);
  return Number(m[1]);
});

export const ApiIfMatch = () =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The campaign revision this edit is based on; 412 if it changed since.',
  });

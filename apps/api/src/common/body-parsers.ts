import { BadRequestException, HttpException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';

/** Template sources can be large; anything beyond this is refused with 413. */
export const JSON_BODY_LIMIT = '2mb';
const FORM_BODY_LIMIT = '64kb';

function clearError(error: unknown): HttpException {
  switch ((error as { type?: string }).type) {
    case 'entity.parse.failed':
      return new BadRequestException('The request body is not valid JSON');
    case 'entity.too.large':
      return new PayloadTooLargeException(`The request body is larger than ${JSON_BODY_LIMIT}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException('The request body must be UTF-8');
    default:
      return new BadRequestException('The request body could not be read');
  }
}

const withClearErrors =
  (parser: RequestHandler): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (error?: unknown) => next(error ? clearError(error) : undefined));

export const jsonBody = withClearErrors(express.json({ limit: JSON_BODY_LIMIT }));
export const formBody = withClearErrors(express.urlencoded({ limit: FORM_BODY_LIMIT, extended: false }));

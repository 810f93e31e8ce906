import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

/** Room for a multipart body's framing around its one file: boundaries and part headers, never this much. */
export const MULTIPART_FRAMING_BYTES = 64 * 1024;

/** The largest file an upload may carry (each type's own limit is checked once its bytes are identified). */
export const uploadFileLimit = (config: AppConfig): number => Math.max(config.maxPdfBytes, config.maxImageBytes);

const size = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * An upload (a multipart body: a PDF, an image, a logo) is judged by the length it declares, after
 * the guards (a 401 or 403 stays one) and before a byte of it is read: declared larger than the
 * largest file plus MULTIPART_FRAMING_BYTES, it is refused with 413 at once; declared with no
 * length (chunked), with 411. Multer, left to find out itself, reads the whole body to its end
 * before it answers 413, however large it is and however slowly it comes, and the client waits
 * for an answer meanwhile. A refusal given here closes the connection (closeOnUnreadBody), so what
 * is read of a refused upload stays within its limit. Global, so it runs before every route's
 * FileInterceptor.
 */
@Injectable()
export class UploadLimitsInterceptor implements NestInterceptor {
  private readonly limit: number;

  constructor(config: AppConfig) {
    this.limit = uploadFileLimit(config);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<Request>();
      if (req.is('multipart/form-data')) this.check(req);
    }
    return next.handle();
  }

  private check(req: Request): void {
    const declared = req.headers['content-length'];
    if (declared === undefined)
      throw new HttpException(
        {
          message: 'An upload must declare its length (Content-Length); chunked uploads are not taken',
          errors: [{ path: 'body', message: 'has no Content-Length' }],
        },
        HttpStatus.LENGTH_REQUIRED,
      );
    if (Number(declared) > this.limit + MULTIPART_FRAMING_BYTES)
      throw new PayloadTooLargeException({
        message: `The upload is larger than ${size(this.limit)}`,
        errors: [{ path: 'file', message: `is larger than ${size(this.limit)}` }],
      });
  }
}

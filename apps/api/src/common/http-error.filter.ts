import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, Problem, TooManyRequestsError } from '@tcma/errors';
import { redactRequestUrl } from '@tcma/logging';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';

const STATUS_BY_KIND: Record<DomainError['kind'], number> = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  bad_request: HttpStatus.BAD_REQUEST,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  precondition_failed: HttpStatus.PRECONDITION_FAILED,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  gone: HttpStatus.GONE,
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: Problem[];
  requestId?: string;
}

/** Errors raised outside Nest's handlers (body parsing) carry a status and an expose flag. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
}

/**
 * Every error leaves the API as the same JSON shape, with field-level `errors` where there
 * are any. Unknown errors are logged with their stack and answered with a bare 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<Request>();
    const response = ctx.getResponse<Response>();
    const body = this.toBody(exception);
    if (typeof request.id === 'string') body.requestId = request.id;
    if (body.statusCode >= 500) {
      this.logger.error(
        `${request.method} ${redactRequestUrl(request.originalUrl)} failed [${body.requestId}]`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (response.headersSent) return;
    if (exception instanceof TooManyRequestsError && exception.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_BY_KIND[exception.kind];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        ...(exception.problems.length ? { errors: exception.problems } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      const fromResponse =
        typeof res === 'object' && res !== null ? (res as { message?: unknown; errors?: Problem[] }) : {};
      const message =
        typeof fromResponse.message === 'string'
          ? fromResponse.message
          : Array.isArray(fromResponse.message)
            ? fromResponse.message.join('; ')
            : exception.message;
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message,
        ...(fromResponse.errors ? { errors: fromResponse.errors } : {}),
      };
    }
    const httpish = exception as HttpishError | undefined;
    const status = httpish?.status ?? httpish?.statusCode;
    if (status && status >= 400 && status < 500 && httpish?.expose !== false) {
      const message =
        httpish?.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : httpish?.type === 'entity.too.large'
            ? 'The request body is too large'
            : (httpish?.message ?? 'Bad request');
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
    }
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong; the request id identifies it in the logs',
    };
  }
}

import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** The largest PostgreSQL integer, which version numbers are. */
export const MAX_VERSION = 2_147_483_647;

/** A version number in a path: a whole number from 1 to MAX_VERSION, else 400 naming the parameter. */
@Injectable()
export class ParseVersionPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const version = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(version >= 1 && version <= MAX_VERSION)) {
      const path = metadata.data ?? 'version';
      throw new BadRequestException({
        message: 'The request is invalid',
        errors: [{ path, message: `${path} must be a whole number from 1 to ${MAX_VERSION}` }],
      });
    }
    return version;
  }
}

import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { FileSandbox } from '@tcma/cobrand';
import { BadRequestError, InvalidError, TooLargeError, UnsupportedTypeError } from '@tcma/errors';
import type { BrandLogo } from '@tcma/persistence';
import { BlobStorage, PublicFiles } from '@tcma/storage';

/** A stored logo as the API shows it: its public addresses, size and dominant colour. */
export interface LogoView {
  pngUrl: string;
  webpUrl: string;
  width: number;
  height: number;
  dominantColor: string;
}

/**
 * The one safe way an uploaded image becomes a brand's logo, for partners' brand kits and
 * vendors' brands alike: decoded in a sandbox process with a time limit (see FileSandbox),
 * checked and normalised (normalizeLogo), stored as PNG and WebP and published.
 */
@Injectable()
export class LogoPipeline implements OnApplicationShutdown {
  private readonly sandbox = new FileSandbox();

  constructor(
    private readonly storage: BlobStorage,
    private readonly publicFiles: PublicFiles,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox.close();
  }

  /**
   * The upload, normalised and published; refused with the reason (413, 415, 422) on the field
   * `file` otherwise. `tenant` keeps one tenant's files from queueing behind another's.
   */
  async store(tenant: string, bytes: Buffer | undefined): Promise<BrandLogo> {
    if (!bytes)
      throw new BadRequestError('Send the image as multipart/form-data in the field "file"', [
        { path: 'file', message: 'is required' },
      ]);
    const result = await this.sandbox.normalizeLogo(tenant, bytes);
    if (!result.ok) {
      const problem = [{ path: 'file', message: result.message }];
      if (result.reason === 'too_large') throw new TooLargeError(result.message, problem);
      if (result.reason === 'unsupported') throw new UnsupportedTypeError(result.message, problem);
      throw new InvalidError(result.message, problem);
    }
    const { logo } = result;
    const [pngKey, webpKey] = await Promise.all([this.storage.put(logo.png), this.storage.put(logo.webp)]);
    await Promise.all([this.publicFiles.publish(pngKey, 'image/png'), this.publicFiles.publish(webpKey, 'image/webp')]);
    return {
      pngKey,
      webpKey,
      width: logo.width,
      height: logo.height,
      dominantColor: logo.dominantColor,
      sourceType: logo.sourceType,
    };
  }

  view(logo: BrandLogo | null): LogoView | null {
    if (!logo) return null;
    return {
      pngUrl: this.urlOf(logo.pngKey),
      webpUrl: this.urlOf(logo.webpKey),
      width: logo.width,
      height: logo.height,
      dominantColor: logo.dominantColor,
    };
  }

  urlOf(key: string): string {
    return this.publicFiles.urlOf(key);
  }
}

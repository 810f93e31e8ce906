import { Injectable } from '@nestjs/common';
import type { PdfAsset, SocialAsset } from '@tcma/campaign-model';
import { InvalidError, NotFoundError } from '@tcma/errors';
import { Actor, scopeOf } from '@tcma/tenancy';
import { CampaignFilesRepository } from './campaign-files.repository';

/** The uploaded files an asset refers to, as the asset stores them: refused unless of the kind it needs. */
@Injectable()
export class AssetFiles {
  constructor(private readonly files: CampaignFilesRepository) {}

  /** `path`: where the id was given; the asset's own file (`fileId`) is a 404 when missing, a variant's a 422 there. */
  async pdf(actor: Actor, fileId: string, path = 'fileId'): Promise<PdfAsset['file']> {
    const file = await this.find(actor, fileId, path);
    // A PDF was stored with kind 'pdf' and its page sizes: the same fact as its content type.
    if (file.metadata.kind !== 'pdf')
      throw new InvalidError('The file is not a PDF', [{ path, message: `is ${file.contentType}, expected a PDF` }]);
    return { key: file.key, contentType: file.contentType, size: file.size, pages: file.metadata.pages };
  }

  async image(actor: Actor, fileId: string, path = 'fileId'): Promise<SocialAsset['image']> {
    const file = await this.find(actor, fileId, path);
    if (file.metadata.kind !== 'image')
      throw new InvalidError('The file is not an image', [
        { path, message: `is ${file.contentType}, expected a PNG, JPEG or WebP image` },
      ]);
    return {
      key: file.key,
      contentType: file.contentType,
      size: file.size,
      width: file.metadata.width,
      height: file.metadata.height,
    };
  }

  private async find(actor: Actor, fileId: string, path: string) {
    const file = await this.files.find(scopeOf(actor), fileId);
    if (file) return file;
    if (path === 'fileId') throw new NotFoundError('File');
    throw new InvalidError('A file is missing', [{ path, message: 'no such file (upload it with POST /files)' }]);
  }
}

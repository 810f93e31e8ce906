import { Injectable } from '@nestjs/common';
import { CampaignFilesService } from '@tcma/campaigns';
import { BlobStorage } from '@tcma/storage';
import type { Actor } from '@tcma/tenancy';
import { createHash } from 'node:crypto';
import { RENDERER_VERSION } from './render-key';
import { RenderedAssetsRepository } from './rendered-assets.repository';

export type FilePageResult = { etag: string; notModified: true } | { etag: string; notModified: false; bytes: Buffer };

/** A page of a stored file is the same picture for ever: its identity is the file's bytes' key, the page and the resolution. */
export function filePageKey(fileKey: string, page: number, dpi: number): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERER_VERSION, 'file-page', fileKey, page, dpi]))
    .digest('hex');
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

/**
 * The pages of a vendor's uploads as PNG, for the console's editors to draw slot rectangles on:
 * a PDF's pages, a social background. Rendered once in the uploads' sandbox and kept (stored
 * renders, content-addressed), so showing a page again reads the stored bytes.
 */
@Injectable()
export class FilePagesService {
  constructor(
    private readonly files: CampaignFilesService,
    private readonly rendered: RenderedAssetsRepository,
    private readonly storage: BlobStorage,
  ) {}

  async page(actor: Actor, fileId: string, page: number, dpi: number, ifNoneMatch?: string): Promise<FilePageResult> {
    const file = await this.files.get(actor, fileId);
    // An image has no resolution of its own to choose: one picture whatever the dpi asked for.
    const resolution = file.metadata.kind === 'pdf' ? dpi : 0;
    const key = filePageKey(file.key, page, resolution);
    const etag = `"${key}"`;
    this.files.checkPage(file, page);
    if (matches(ifNoneMatch, etag)) return { etag, notModified: true };
    const stored = await this.rendered.find(key);
    const kept = stored ? await this.storage.get(stored.blobKey) : null;
    if (kept) return { etag, notModified: false, bytes: kept };
    const bytes = await this.files.renderPage(actor, file, page, dpi);
    const blobKey = await this.storage.put(bytes);
    await this.rendered.record({ renderKey: key, blobKey, contentType: 'image/png', byteSize: bytes.length });
    return { etag, notModified: false, bytes };
  }
}

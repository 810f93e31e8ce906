import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { FileSandbox, SandboxTimeoutError, sniffType } from '@tcma/cobrand';
import type { FilePageTaskInput, PdfPreviewTaskInput, SocialPreviewTaskInput } from '@tcma/cobrand';
import {
  BadRequestError,
  InvalidError,
  NotFoundError,
  TooLargeError,
  UnavailableError,
  UnsupportedTypeError,
} from '@tcma/errors';
import { StoredFileMetadata, StoredFileRow } from '@tcma/persistence';
import { BlobStorage } from '@tcma/storage';
import { Actor, scopeOf } from '@tcma/tenancy';
import { CampaignFilesRepository } from './campaign-files.repository';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Vendor uploads for campaign assets: PDF collateral and social backgrounds. The bytes are
 * identified by their signature, opened the way the renderer will open them, and only then
 * stored; a rejected upload leaves nothing behind.
 */
@Injectable()
export class CampaignFilesService implements OnApplicationShutdown {
  /** Uploads are opened in sandbox processes, with a time limit (see FileSandbox). */
  private readonly sandbox = new FileSandbox();

  constructor(
    private readonly files: CampaignFilesRepository,
    private readonly storage: BlobStorage,
    private readonly config: AppConfig,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox.close();
  }

  /** The largest upload accepted at all; the per-type limits below are checked after sniffing. */
  get maxUploadBytes(): number {
    return Math.max(this.config.maxPdfBytes, this.config.maxImageBytes);
  }

  async upload(actor: Actor, bytes: Buffer): Promise<StoredFileRow> {
    if (bytes.length === 0) throw new InvalidError('The file is empty', [{ path: 'file', message: 'is empty' }]);
    const type = sniffType(bytes);
    let metadata: StoredFileMetadata;
    if (type === 'application/pdf') {
      if (bytes.length > this.config.maxPdfBytes)
        throw new TooLargeError(`PDFs may be at most ${mb(this.config.maxPdfBytes)}`, [
          { path: 'file', message: `is ${mb(bytes.length)}` },
        ]);
      const pdf = await this.sandbox.inspectPdf(actor.vendorId, bytes);
      if (!pdf.ok) throw new InvalidError(pdf.message, [{ path: 'file', message: pdf.message }]);
      metadata = { kind: 'pdf', pages: pdf.pages };
    } else if (type === 'image/png' || type === 'image/jpeg' || type === 'image/webp') {
      if (bytes.length > this.config.maxImageBytes)
        throw new TooLargeError(`Images may be at most ${mb(this.config.maxImageBytes)}`, [
          { path: 'file', message: `is ${mb(bytes.length)}` },
        ]);
      const image = await this.sandbox.inspectRaster(actor.vendorId, bytes);
      if (!image.ok) throw new InvalidError(image.message, [{ path: 'file', message: image.message }]);
      metadata = { kind: 'image', width: image.width, height: image.height, format: image.format };
    } else {
      throw new UnsupportedTypeError('Upload a PDF (collateral) or a PNG, JPEG or WebP image (social backgrounds)', [
        { path: 'file', message: type ? `${type} is not accepted here` : 'is not a PDF, PNG, JPEG or WebP file' },
      ]);
    }
    const key = await this.storage.put(bytes);
    return this.files.upsert(scopeOf(actor), { key, contentType: type, size: bytes.length, metadata });
  }

  async get(actor: Actor, id: string): Promise<StoredFileRow> {
    const file = await this.files.find(scopeOf(actor), id);
    if (!file) throw new NotFoundError('File');
    return file;
  }

  /** The vendor's file with these bytes, as a draft asset names it; 404 when the vendor has none. */
  async getByKey(actor: Actor, key: string): Promise<StoredFileRow> {
    const file = await this.files.findByKey(scopeOf(actor), key);
    if (!file) throw new NotFoundError('File');
    return file;
  }

  /**
   * One page of a stored file as PNG: a PDF's page rasterised (MuPDF), an image re-encoded and
   * fitted in 2,000 px. Made in the same sandbox processes as uploads are opened in, one file
   * at a time per vendor; the caller checked the file is the vendor's.
   */
  async renderPage(actor: Actor, file: StoredFileRow, page: number, dpi: number): Promise<Buffer> {
    this.checkPage(file, page);
    const bytes = await this.storage.get(file.key);
    if (!bytes) throw new NotFoundError('Stored file');
    const input: FilePageTaskInput = { bytes, kind: file.metadata.kind, page, dpi };
    return this.sandboxed(this.sandbox.run(actor.vendorId, 'filePage', input));
  }

  /** 400 for a page the file does not have (an image has one). */
  checkPage(file: StoredFileRow, page: number): void {
    const pages = file.metadata.kind === 'pdf' ? file.metadata.pages.length : 1;
    if (page > pages)
      throw new BadRequestError('No such page', [
        {
          path: 'page',
          message: file.metadata.kind === 'pdf' ? `the PDF has ${pages} page(s)` : 'an image has one page',
        },
      ]);
  }

  /** A co-branded page of a draft PDF or a draft social image, made from the vendor's upload in the sandbox. */
  renderPdfPreview(actor: Actor, input: PdfPreviewTaskInput): Promise<Buffer> {
    return this.sandboxed(this.sandbox.run(actor.vendorId, 'pdfPreview', input));
  }

  renderSocialPreview(actor: Actor, input: SocialPreviewTaskInput): Promise<Buffer> {
    return this.sandboxed(this.sandbox.run(actor.vendorId, 'socialPreview', input));
  }

  private async sandboxed(render: Promise<Uint8Array>): Promise<Buffer> {
    try {
      const bytes = await render;
      return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (e) {
      if (e instanceof SandboxTimeoutError)
        throw new UnavailableError('Rendering the file took too long; try again with a lower resolution');
      throw e;
    }
  }
}

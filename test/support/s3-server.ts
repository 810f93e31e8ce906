import type * as Crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import S3rver from 's3rver';

/** s3rver's fixed credentials (it checks every request's signature against them). */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface S3Server {
  endpoint: string;
  bucket: string;
  /** The settings an engine needs to keep its files in this server's bucket, under `prefix`. */
  env(prefix: string): Record<string, string>;
  close(): Promise<void>;
}

/**
 * s3rver makes ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node ≥ 17)
 * no longer offers without its legacy provider: a listing that does not fit one page would
 * answer 500. Inside this process, its 'des' becomes AES-128 with the 8-byte key and IV
 * doubled, both ways, so its tokens still go round. Nothing of the engine uses DES.
 */
function letS3rverPage(): void {
  // The module object itself (an import would give a copy under the transpiler's interop).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const crypto = require('node:crypto') as typeof Crypto;
  const patched = crypto as unknown as {
    __tcmaDes?: boolean;
    createCipheriv: typeof Crypto.createCipheriv;
    createDecipheriv: typeof Crypto.createDecipheriv;
  };
  if (patched.__tcmaDes) return;
  patched.__tcmaDes = true;
  const cipher = crypto.createCipheriv;
  const decipher = crypto.createDecipheriv;
  const twice = (b: Crypto.BinaryLike) => Buffer.concat([Buffer.from(b as Buffer), Buffer.from(b as Buffer)]);
  patched.createCipheriv = ((
    algorithm: string,
    key: Crypto.CipherKey,
    iv: Crypto.BinaryLike | null,
    options?: unknown,
  ) =>
    algorithm === 'des'
      ? cipher('aes-128-cbc', twice(key as Buffer), twice(iv!))
      : cipher(algorithm, key, iv, options as never)) as typeof Crypto.createCipheriv;
  patched.createDecipheriv = ((
    algorithm: string,
    key: Crypto.CipherKey,
    iv: Crypto.BinaryLike | null,
    options?: unknown,
  ) =>
    algorithm === 'des'
      ? decipher('aes-128-cbc', twice(key as Buffer), twice(iv!))
      : decipher(algorithm, key, iv, options as never)) as typeof Crypto.createDecipheriv;
}

/**
 * A real S3-compatible HTTP server (s3rver) on a free loopback port, its objects in a
 * temporary folder that is removed when it closes. Requests are signed and checked as S3
 * does (SigV4, presigned addresses included); one bucket is made.
 */
export async function startS3Server(bucket = 'tcma-test'): Promise<S3Server> {
  letS3rverPage();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: (prefix) => ({
      STORAGE_URL: `s3://${bucket}/${prefix}`,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    }),
    close: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

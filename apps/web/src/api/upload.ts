import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from './api-error';
import { sessionHeaders } from './client';
import type { paths } from './schema';

/**
 * A file sent as a request body with its upload progress, which fetch (and so the typed client)
 * cannot report: XMLHttpRequest's upload events, typed from the same OpenAPI document as the
 * client. Only operations whose POST takes the file itself as the body (text/csv) qualify.
 */

type Post<P extends keyof paths> = paths[P] extends { post: infer O } ? O : never;

/** The paths whose POST takes a CSV file as its raw body. */
export type FileUploadPath = {
  [P in keyof paths]: Post<P> extends { requestBody: { content: { 'text/csv': unknown } } } ? P : never;
}[keyof paths];

type Parameters<P extends FileUploadPath> = Post<P> extends { parameters: infer X } ? X : never;
export type UploadParams<P extends FileUploadPath> = {
  path: Parameters<P> extends { path: infer X } ? X : never;
  query?: Parameters<P> extends { query?: infer X } ? X : never;
};
/** The operation's success body (its 200, 201 or 202 JSON). */
export type UploadAnswer<P extends FileUploadPath> =
  Post<P> extends { responses: infer R }
    ? {
        [S in keyof R]: S extends 200 | 201 | 202
          ? R[S] extends { content: { 'application/json': infer B } }
            ? B
            : never
          : never;
      }[keyof R]
    : never;

export interface UploadProgress {
  /** Bytes of the body sent so far. */
  loaded: number;
  /** Bytes in all. */
  total: number;
}

function urlOf(
  template: string,
  path: Record<string, string>,
  query: Record<string, string | undefined> | undefined,
): string {
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name] ?? ''));
  const search = new URLSearchParams(
    Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return search.size ? `${url}?${search.toString()}` : url;
}

/** Sends `file` as the body of POST `path`; progress as the bytes leave; the API's refusal as an ApiError. */
export function uploadFile<P extends FileUploadPath>(
  path: P,
  params: UploadParams<P>,
  file: File,
  onProgress: (p: UploadProgress) => void,
): Promise<UploadAnswer<P>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      urlOf(
        path,
        params.path as Record<string, string>,
        params.query as Record<string, string | undefined> | undefined,
      ),
    );
    for (const [name, value] of Object.entries({
      'Content-Type': 'text/csv',
      Accept: 'application/json',
      ...sessionHeaders('POST'),
    }))
      xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Not JSON (a proxy's error page): the status says enough.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadAnswer<P>);
      else reject(new ApiError(new Response(null, { status: xhr.status, statusText: xhr.statusText }), body));
    };
    xhr.onerror = () => reject(new Error('the connection to the engine was lost'));
    xhr.onabort = () => reject(new Error('the upload was stopped'));
    xhr.send(file);
  });
}

/** A mutation that uploads a file to `path`, with the bytes sent so far while it runs (null before the first upload). */
export function useFileUpload<P extends FileUploadPath>(path: P) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: ({ params, file }: { params: UploadParams<P>; file: File }) => {
      setProgress({ loaded: 0, total: file.size });
      return uploadFile(path, params, file, setProgress);
    },
  });
  return { ...mutation, progress };
}

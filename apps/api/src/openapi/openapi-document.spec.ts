import type { OpenAPIObject, OperationObject, PathItemObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from './openapi-document';
import { createOpenApiDocument } from './print-openapi';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
/** The verbs an operation may start with: the browser's client reads `listCampaigns`, `pauseLaunch`. */
const VERBS = [
  'list',
  'get',
  'create',
  'update',
  'replace',
  'delete',
  'add',
  'remove',
  'upload',
  'validate',
  'publish',
  'archive',
  'restore',
  'start',
  'pause',
  'resume',
  'cancel',
  'record',
  'preview',
  'unsubscribe',
  'replay',
  'sign',
  'revoke',
  'request',
  'reset',
  'accept',
  'invite',
  'withdraw',
  'confirm',
  'resend',
  'generate',
  'check',
  'duplicate',
  'export',
  'skip',
  'complete',
  'remind',
  'approve',
];

function operations(document: OpenAPIObject): Array<{ where: string; operation: OperationObject }> {
  return Object.entries<PathItemObject>(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) =>
      item[method] ? [{ where: `${method.toUpperCase()} ${path}`, operation: item[method] }] : [],
    ),
  );
}

describe(buildOpenApiDocument.name, () => {
  let sut: OpenAPIObject;

  beforeAll(async () => {
    // Preview mode: the document needs no database, Redis or settings.
    sut = JSON.parse(await createOpenApiDocument()) as OpenAPIObject;
  });

  it('describes the whole API', () => {
    const all = operations(sut).map((o) => o.where);
    expect(all.length).toBeGreaterThan(70);
    expect(all).toEqual(
      expect.arrayContaining([
        'GET /me',
        'GET /campaigns',
        'POST /launches',
        'GET /partners/{partnerId}/prospects',
        'GET /health/ready',
      ]),
    );
  });

  it('gives every operation a summary that reads as a sentence fragment', () => {
    const bad = operations(sut)
      .filter(
        ({ operation: { summary } }) =>
          !summary || !/^[A-Z]/.test(summary) || summary.endsWith('.') || summary.length > 100,
      )
      .map(({ where, operation }) => `${where}: ${JSON.stringify(operation.summary)}`);
    expect(bad).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId that starts with a verb', () => {
    const pattern = new RegExp(`^(${VERBS.join('|')})([A-Z][a-z0-9]*)+$`);
    const all = operations(sut);
    const bad = all
      .filter(({ operation: { operationId } }) => !operationId || !pattern.test(operationId))
      .map(({ where, operation }) => `${where}: ${operation.operationId}`);
    expect(bad).toEqual([]);
    const ids = all.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

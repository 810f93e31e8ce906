import { TokensService } from '@tcma/tenancy';
import mjml2html from 'mjml';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { loadDemo } from '../apps/cli/src/demo/demo-manifest';
import { forkServer, waitForHealth } from './api-process';
import { benchEnvironment } from './bench-context';
import { percentile, print } from './bench-line';
import { benchTenant } from './bench-tenant';

const ITERATIONS = Number(process.env.BENCH_EDITOR_ITERATIONS ?? 200);
const WARM_UP = 10;

/** The demo's welcome email with one word changed per keystroke, so nothing can be answered from a cache. */
const edited = (mjml: string, i: number) =>
  mjml.replace('Your files, safe in the cloud.', `Your files, safe in the cloud (${i}).`);

async function timed(fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await fn(-i - 1);
  const ms: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return ms;
}

/**
 * `editor_preview`: p95 of the editor's round trip as the marketer types, POST
 * /campaigns/{id}/draft/email-check over real HTTP to the engine's API in its own process
 * (validation, MJML compile, render as the sample partner and prospect), one request at a
 * time. Baseline: `mjml` compiling the same MJML alone (soft validation: its placeholders are not
 * colours yet), in this process, in the same run.
 */
export async function editorPreviewBench(): Promise<void> {
  const bench = await benchEnvironment('editor');
  let api: ChildProcess | undefined;
  try {
    const tenant = await benchTenant(bench, { wait: { type: 'duration', minutes: 0 } });
    const { secret } = await bench.app.get(TokensService).issue(tenant.admin, { name: 'bench' });
    const demo = loadDemo();
    const welcome = demo.manifest.emails[0];
    const mjml = demo.readText(welcome.file);

    const port = 20_000 + ((process.pid + 7) % 20_000);
    const server = await forkServer(
      path.resolve(__dirname, '../apps/api/src/main.js'),
      { ...bench.env, PORT: String(port), HOST: '127.0.0.1', MIGRATIONS_RUN: 'false', LOG_LEVEL: 'error' },
      async () => {
        await waitForHealth(port);
        return port;
      },
    );
    api = server.child;
    const url = `http://127.0.0.1:${port}/campaigns/${tenant.campaignId}/draft/email-check`;
    let previews = 0;
    const engine = await timed(async (i) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: welcome.name,
          subject: welcome.subject,
          preheader: welcome.preheader,
          mjml: edited(mjml, i),
        }),
      });
      const body = (await res.json()) as { valid?: boolean; preview?: { html: string } | null };
      if (res.status !== 200 || !body.valid || !body.preview)
        throw new Error(`The email check answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
      if (i >= 0 && body.preview.html.includes(`(${i})`)) previews++;
    });
    // The template's colour placeholders are not colours to MJML: validated softly (still
    // validated, without throwing), the compile itself is the same work.
    const baseline = await timed((i) =>
      mjml2html(edited(mjml, i), {
        validationLevel: 'soft',
        ignoreIncludes: true,
        keepComments: false,
        minify: false,
        beautify: false,
      }),
    );
    print({
      bench: 'editor_preview',
      value: percentile(engine, 95),
      unit: 'ms (p95)',
      baseline: 'mjml_compile_alone_p95',
      baseline_value: percentile(baseline, 95),
      p50_ms: percentile(engine, 50),
      baseline_p50_ms: percentile(baseline, 50),
      iterations: ITERATIONS,
      mjml_bytes: Buffer.byteLength(mjml),
      previews_with_the_edit: previews,
      target: '<= 300 ms',
    });
  } finally {
    if (api) {
      const exited = new Promise((r) => (api!.exitCode !== null ? r(null) : api!.once('exit', r)));
      api.kill('SIGTERM');
      await exited;
    }
    await bench.close();
  }
}

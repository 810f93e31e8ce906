import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * `npm run dev:web` serves the app from source on :5173 and passes every API path to the
 * engine (TCMA_API_URL, default http://localhost:3000). The API's paths are read from its own
 * OpenAPI document, so a new controller needs no change here.
 */
function apiProxy(): Record<string, ProxyOptions> {
  const document = JSON.parse(readFileSync(new URL('./src/api/openapi.json', import.meta.url), 'utf8')) as {
    paths: Record<string, unknown>;
  };
  const firstSegments = new Set(Object.keys(document.paths).map((path) => path.split('/')[1]));
  for (const extra of ['docs', 'docs-json']) firstSegments.add(extra);
  const pattern = `^/(${[...firstSegments].map((s) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(/|\\?|$)`;
  return { [pattern]: { target: process.env.TCMA_API_URL ?? 'http://localhost:3000', changeOrigin: false } };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    // Served by the API from dist/web: hashed files under /assets/ are cached for a year.
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: { port: 5173, proxy: apiProxy() },
  preview: { port: 4173, proxy: apiProxy() },
});

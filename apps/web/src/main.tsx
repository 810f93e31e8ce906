import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { catalogues } from './app/catalogues';
import { startFirstReads } from './app/first-reads';
import { queryClient } from './app/query-client';
import { startI18n } from './shared/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// The first page's reads start now, beside the loading of its code and words.
startFirstReads(queryClient, new URL(window.location.href));
// The first render waits for the starting words (a few kB, asked as the code was evaluated), while
// the page's code and first reads go on. Rendered before them, the app suspended at once and showed
// its empty fallback; React then holds back the content that replaces a fallback until 300 ms after
// it appeared (its FALLBACK_THROTTLE_MS), so a catalogue ready at 430 ms painted at 550 ms (Chromium
// trace of a cold load; docs/performance.md, "The web app").
void startI18n(catalogues).finally(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

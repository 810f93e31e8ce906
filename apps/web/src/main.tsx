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
// Not awaited: the page's code and first reads go on meanwhile, and the app waits (Suspense) for the words.
void startI18n(catalogues);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

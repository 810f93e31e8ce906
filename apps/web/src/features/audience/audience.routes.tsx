import type { RouteObject } from 'react-router';

/** The audience pages, under /portal (so the API serves index.html for a deep link); each loads on first use. */
export const audienceRoutes: RouteObject[] = [
  { path: 'audience', lazy: () => import('./audience.page').then((m) => ({ Component: m.AudiencePage })) },
  { path: 'audience/import', lazy: () => import('./import.page').then((m) => ({ Component: m.ImportPage })) },
  {
    path: 'audience/imports/:importId',
    lazy: () => import('./import-result.page').then((m) => ({ Component: m.ImportResultPage })),
  },
  {
    path: 'audience/prospects/:prospectId',
    lazy: () => import('./prospect.page').then((m) => ({ Component: m.ProspectPage })),
  },
];

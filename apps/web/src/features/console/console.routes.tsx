import { Navigate, type RouteObject } from 'react-router';

/** The vendor console, under /console (the API serves index.html there); each page loads on first use. */
export const consoleRoutes: RouteObject[] = [
  {
    path: 'console',
    lazy: () => import('./console.layout').then((m) => ({ Component: m.ConsoleLayout })),
    children: [
      { index: true, lazy: () => import('./library.page').then((m) => ({ Component: m.LibraryPage })) },
      { path: 'campaigns', element: <Navigate to="/console" replace /> },
      {
        path: 'campaigns/:campaignId',
        lazy: () => import('./campaign-editor.page').then((m) => ({ Component: m.CampaignEditorPage })),
      },
      { path: 'partners', lazy: () => import('./partners.page').then((m) => ({ Component: m.PartnersPage })) },
      {
        path: 'programmes',
        lazy: () =>
          import('../programmes/console-programmes.page').then((m) => ({ Component: m.ConsoleProgrammesPage })),
      },
      {
        path: 'dashboards',
        lazy: () => import('../console-dashboards/dashboards.page').then((m) => ({ Component: m.DashboardsPage })),
      },
      {
        path: 'social/calendar',
        lazy: () =>
          import('../social-posts/console-social-calendar.page').then((m) => ({
            Component: m.ConsoleSocialCalendarPage,
          })),
      },
      { path: 'social', element: <Navigate to="/console/social/calendar" replace /> },
      {
        path: 'leads',
        lazy: () => import('../leads/console-leads.page').then((m) => ({ Component: m.ConsoleLeadsPage })),
      },
      {
        path: 'webhooks',
        lazy: () => import('../webhooks/console-webhooks.page').then((m) => ({ Component: m.ConsoleWebhooksPage })),
      },
      {
        path: 'sending',
        lazy: () =>
          import('../console-sending/sending-settings.page').then((m) => ({ Component: m.SendingSettingsPage })),
      },
    ],
  },
];

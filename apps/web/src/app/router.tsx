import { createBrowserRouter } from 'react-router';
import { audienceRoutes } from '../features/audience/audience.routes';
import { consoleRoutes } from '../features/console/console.routes';
import { HomePage } from '../features/home/home.page';
import { SignInPage } from '../features/session/sign-in.page';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './not-found.page';
import { RouteErrorPage } from './route-error.page';

/**
 * The app's pages. The API serves index.html only for `/` and the prefixes in
 * apps/api/src/web/web-app.routes.ts (WEB_APP_PREFIXES): a page outside them cannot be
 * deep-linked. Feature areas load lazily, so the first page carries only the shell.
 */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        // Errors inside a page keep the header and navigation around them.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'portal',
            lazy: () => import('../features/portal/portal.layout').then((m) => ({ Component: m.PortalLayout })),
            children: [
              {
                index: true,
                lazy: () => import('../features/portal/catalogue.page').then((m) => ({ Component: m.CataloguePage })),
              },
              {
                path: 'campaigns/:campaignId',
                lazy: () => import('../features/portal/campaign.page').then((m) => ({ Component: m.CampaignPage })),
              },
              {
                path: 'brand-kit',
                lazy: () => import('../features/portal/brand-kit.page').then((m) => ({ Component: m.BrandKitPage })),
              },
              {
                path: 'launches',
                lazy: () => import('../features/portal/launches.page').then((m) => ({ Component: m.LaunchesPage })),
              },
              {
                path: 'launches/:launchId',
                lazy: () => import('../features/portal/launch.page').then((m) => ({ Component: m.LaunchPage })),
              },
              {
                path: 'programmes',
                lazy: () =>
                  import('../features/programmes/portal-programmes.page').then((m) => ({
                    Component: m.PortalProgrammesPage,
                  })),
              },
              {
                path: 'leads',
                lazy: () => import('../features/leads/leads.page').then((m) => ({ Component: m.LeadsPage })),
              },
              {
                path: 'leads/:leadId',
                lazy: () => import('../features/leads/lead.page').then((m) => ({ Component: m.LeadPage })),
              },
              {
                path: 'webhooks',
                lazy: () =>
                  import('../features/webhooks/portal-webhooks.page').then((m) => ({
                    Component: m.PortalWebhooksPage,
                  })),
              },
              {
                path: 'account',
                lazy: () => import('../features/portal/account.page').then((m) => ({ Component: m.AccountPage })),
              },
              {
                path: 'social/calendar',
                lazy: () =>
                  import('../features/social-posts/social-calendar.page').then((m) => ({
                    Component: m.SocialCalendarPage,
                  })),
              },
              {
                path: 'social',
                lazy: () =>
                  import('../features/social-connections/social.page').then((m) => ({ Component: m.SocialPage })),
              },
              ...audienceRoutes,
            ],
          },
          ...consoleRoutes,
          { path: 'sign-in', element: <SignInPage /> },
          {
            path: 'invitations/:token',
            lazy: () =>
              import('../features/session/accept-invitation.page').then((m) => ({ Component: m.AcceptInvitationPage })),
          },
          {
            path: 'reset-password',
            lazy: () =>
              import('../features/session/forgot-password.page').then((m) => ({ Component: m.ForgotPasswordPage })),
          },
          {
            path: 'reset-password/:token',
            lazy: () =>
              import('../features/session/reset-password.page').then((m) => ({ Component: m.ResetPasswordPage })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { SignInPage } from '../features/session/sign-in.page';
import { NotFoundPage } from '../shared/components/not-found';
import { loadNamespace, prefetchNamespace, STARTING_NAMESPACES } from '../shared/i18n';
import { catalogues } from './catalogues';
import { AppLayout } from './layout/app-layout';
import { HomePage } from './routes/home.page';
import { RouteErrorPage } from './routes/route-error.page';

/**
 * A page (or layout) loaded on first use: its module, and the component of that name in it; with
 * the namespace of its words (its feature's catalogue, in the reader's language) fetched beside
 * the code, so the page does not wait for one after the other.
 */
function lazy<Module extends Record<Name, ComponentType>, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
  namespace?: string,
) {
  return async () => {
    if (namespace) prefetchNamespace(catalogues, namespace);
    const [module] = await Promise.all([load(), namespace ? loadNamespace(namespace) : undefined]);
    return { Component: module[name] };
  };
}

// The words every page needs, asked as the app's code is evaluated (startI18n, in main.tsx, runs
// once all of it is: 80 ms later on a cold catalogue), beside the first page's (its `lazy`).
for (const namespace of STARTING_NAMESPACES) prefetchNamespace(catalogues, namespace);

/**
 * Every page of the app, declared one way: a path and its component, loaded on first use
 * (`lazy`) but for the two a visit starts on (home, sign-in), so the first page carries only the
 * shell. The API serves index.html only for `/` and the prefixes in
 * apps/api/src/web/web-app.routes.ts (WEB_APP_PREFIXES): a page outside them cannot be deep-linked.
 */
export const router = createBrowserRouter([
  {
    Component: AppLayout,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        // Errors inside a page keep the header and navigation around them.
        ErrorBoundary: RouteErrorPage,
        children: [
          { index: true, Component: HomePage },
          { path: 'sign-in', Component: SignInPage },
          {
            path: 'invitations/:token',
            lazy: lazy(() => import('../features/session/accept-invitation.page'), 'AcceptInvitationPage', 'session'),
          },
          {
            path: 'reset-password',
            lazy: lazy(() => import('../features/session/forgot-password.page'), 'ForgotPasswordPage', 'session'),
          },
          {
            path: 'reset-password/:token',
            lazy: lazy(() => import('../features/session/reset-password.page'), 'ResetPasswordPage', 'session'),
          },
          {
            // The partner portal: each page answers anyone but a partner user (PortalGate).
            path: 'portal',
            lazy: lazy(() => import('./layout/portal-layout'), 'PortalLayout'),
            children: [
              { index: true, lazy: lazy(() => import('../features/portal/catalogue.page'), 'CataloguePage', 'portal') },
              {
                path: 'home',
                lazy: lazy(
                  () => import('../features/partner-home/partner-home.page'),
                  'PartnerHomePage',
                  'partner-home',
                ),
              },
              {
                path: 'campaigns/:campaignId',
                lazy: lazy(() => import('../features/portal/campaign.page'), 'CampaignPage', 'portal'),
              },
              {
                path: 'setup',
                lazy: lazy(() => import('../features/portal/setup.page'), 'SetupPage', 'portal'),
              },
              {
                path: 'brand-kit',
                lazy: lazy(() => import('../features/portal/brand-kit.page'), 'BrandKitPage', 'portal'),
              },
              {
                path: 'launches',
                lazy: lazy(() => import('../features/portal/launches.page'), 'LaunchesPage', 'portal'),
              },
              {
                path: 'launches/:launchId',
                lazy: lazy(() => import('../features/portal/launch.page'), 'LaunchPage', 'portal'),
              },
              {
                path: 'programmes',
                lazy: lazy(
                  () => import('../features/programmes/portal-programmes.page'),
                  'PortalProgrammesPage',
                  'programmes',
                ),
              },
              {
                path: 'audience',
                lazy: lazy(() => import('../features/audience/audience.page'), 'AudiencePage', 'audience'),
              },
              {
                path: 'audience/import',
                lazy: lazy(() => import('../features/audience/import.page'), 'ImportPage', 'audience'),
              },
              {
                path: 'audience/imports/:importId',
                lazy: lazy(() => import('../features/audience/import-result.page'), 'ImportResultPage', 'audience'),
              },
              {
                path: 'audience/prospects/:prospectId',
                lazy: lazy(() => import('../features/audience/prospect.page'), 'ProspectPage', 'audience'),
              },
              { path: 'leads', lazy: lazy(() => import('../features/leads/leads.page'), 'LeadsPage', 'leads') },
              { path: 'leads/:leadId', lazy: lazy(() => import('../features/leads/lead.page'), 'LeadPage', 'leads') },
              {
                path: 'webhooks',
                lazy: lazy(() => import('../features/webhooks/portal-webhooks.page'), 'PortalWebhooksPage', 'webhooks'),
              },
              {
                path: 'sso',
                lazy: lazy(
                  () => import('../features/sso-connections/portal-sso.page'),
                  'PortalSsoPage',
                  'sso-connections',
                ),
              },
              { path: 'account', lazy: lazy(() => import('./routes/account.page'), 'AccountPage', 'portal') },
              {
                path: 'social/calendar',
                lazy: lazy(
                  () => import('../features/social-posts/social-calendar.page'),
                  'SocialCalendarPage',
                  'social-posts',
                ),
              },
              {
                path: 'social',
                lazy: lazy(
                  () => import('../features/social-connections/social.page'),
                  'SocialPage',
                  'social-connections',
                ),
              },
              { path: 'crm', lazy: lazy(() => import('../features/crm/crm.page'), 'PortalCrmPage', 'crm') },
            ],
          },
          {
            // The vendor console: for vendor users only (ConsoleLayout), under its own navigation.
            path: 'console',
            lazy: lazy(() => import('./layout/console-layout'), 'ConsoleLayout'),
            children: [
              {
                index: true,
                lazy: lazy(() => import('../features/campaigns/library.page'), 'LibraryPage', 'campaigns'),
              },
              {
                path: 'home',
                lazy: lazy(() => import('../features/vendor-home/vendor-home.page'), 'VendorHomePage', 'vendor-home'),
              },
              { path: 'campaigns', element: <Navigate to="/console" replace /> },
              {
                path: 'campaigns/:campaignId',
                lazy: lazy(
                  () => import('../features/campaign-editor/campaign-editor.page'),
                  'CampaignEditorPage',
                  'campaign-editor',
                ),
              },
              {
                path: 'partners',
                lazy: lazy(() => import('../features/partners/partners.page'), 'PartnersPage', 'partners'),
              },
              {
                path: 'programmes',
                lazy: lazy(
                  () => import('../features/programmes/console-programmes.page'),
                  'ConsoleProgrammesPage',
                  'programmes',
                ),
              },
              {
                path: 'dashboards',
                lazy: lazy(
                  () => import('../features/console-dashboards/dashboards.page'),
                  'DashboardsPage',
                  'console-dashboards',
                ),
              },
              {
                path: 'social/calendar',
                lazy: lazy(
                  () => import('../features/social-posts/console-social-calendar.page'),
                  'ConsoleSocialCalendarPage',
                  'social-posts',
                ),
              },
              { path: 'social', element: <Navigate to="/console/social/calendar" replace /> },
              {
                path: 'leads',
                lazy: lazy(() => import('../features/leads/console-leads.page'), 'ConsoleLeadsPage', 'leads'),
              },
              {
                path: 'settings',
                lazy: lazy(() => import('./routes/console-settings.page'), 'ConsoleSettingsPage'),
              },
              {
                path: 'webhooks',
                lazy: lazy(
                  () => import('../features/webhooks/console-webhooks.page'),
                  'ConsoleWebhooksPage',
                  'webhooks',
                ),
              },
              {
                path: 'sending',
                lazy: lazy(
                  () => import('../features/console-sending/sending-settings.page'),
                  'SendingSettingsPage',
                  'console-sending',
                ),
              },
              {
                path: 'host-names',
                lazy: lazy(() => import('../features/vendor-hosts/host-names.page'), 'HostNamesPage', 'vendor-hosts'),
              },
              { path: 'crm', lazy: lazy(() => import('../features/crm/crm.page'), 'ConsoleCrmPage', 'crm') },
              {
                path: 'sso',
                lazy: lazy(
                  () => import('../features/sso-connections/sso-connections.page'),
                  'SsoConnectionsPage',
                  'sso-connections',
                ),
              },
              {
                path: 'brand',
                lazy: lazy(
                  () => import('../features/vendor-brand/vendor-brand.page'),
                  'VendorBrandPage',
                  'vendor-brand',
                ),
              },
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);

import { createRequire } from 'node:module';
import { defineConfig, type DefaultTheme } from 'vitepress';

// The API reference's pages are generated from the OpenAPI document (scripts/docs-reference.js,
// run by docs:build and docs:dev before VitePress); their sidebar comes from the same document.
// Required at run time, not bundled with this config: the script is CommonJS and reads files.
const { referenceSidebar } = createRequire(import.meta.url)(
  '../../scripts/docs-reference.js',
) as typeof import('../../scripts/docs-reference.js');

const sidebar: DefaultTheme.SidebarItem[] = [
  { text: 'Getting started', link: '/getting-started' },
  {
    text: 'Using it',
    items: [
      { text: 'The vendor console', link: '/guide/vendor' },
      { text: 'Templates and co-branding', link: '/guide/templates' },
      { text: 'Programmes', link: '/guide/programmes' },
      { text: 'The partner portal', link: '/guide/partner' },
      { text: 'Landing pages and leads', link: '/guide/pages-and-leads' },
      { text: 'What the assistant sends', link: '/guide/assistant-data' },
      { text: 'How email goes out', link: '/guide/sending' },
    ],
  },
  {
    text: 'Running it',
    items: [
      { text: 'Configuration', link: '/operating/configuration' },
      { text: 'Deploying', link: '/operating/deploying' },
      { text: 'Logs, metrics and dashboards', link: '/operating/observability' },
      { text: 'Backups, upgrades and retention', link: '/operating/backups-and-upgrades' },
      { text: 'Security model', link: '/operating/security' },
    ],
  },
  {
    text: 'Connecting to it',
    items: [
      { text: 'The API', link: '/integrating/api' },
      { text: 'Portal API', link: '/integrating/portal-api' },
      { text: 'Console API', link: '/integrating/console-api' },
      { text: 'Webhooks', link: '/integrating/webhooks' },
      { text: 'Social networks', link: '/integrating/social' },
      { text: 'Single sign-on', link: '/integrating/single-sign-on' },
      {
        text: 'API reference',
        link: '/integrating/reference/',
        collapsed: true,
        items: [...referenceSidebar(), { text: 'Schemas', link: '/integrating/reference/schemas' }],
      },
    ],
  },
  {
    text: 'Changing it',
    items: [
      { text: 'Architecture', link: '/architecture/' },
      { text: 'The libraries', link: '/architecture/libs' },
      { text: 'Contributing', link: '/contributing' },
      { text: 'Performance', link: '/performance' },
    ],
  },
];

export default defineConfig({
  title: 'TCMA campaign engine',
  description: 'Open-source through-channel marketing automation: co-branded campaigns that partners launch.',
  lang: 'en-GB',
  cleanUrls: true,
  // Screenshots are the README's; the site's pages are the Markdown under docs/.
  srcExclude: ['screenshots/**'],
  // A link to a page that does not exist fails the build; only the pages' example addresses on
  // localhost (http://localhost:3000) are not pages of this site.
  ignoreDeadLinks: 'localhostLinks',
  markdown: {
    config(md) {
      // Inline code shows template syntax such as {{partner.logo}} as written, never as Vue.
      const inline = md.renderer.rules.code_inline!;
      md.renderer.rules.code_inline = (...args) => inline(...args).replace(/^<code/, '<code v-pre');
    },
  },
  themeConfig: {
    nav: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'API reference', link: '/integrating/reference/' },
    ],
    sidebar,
    outline: [2, 3],
    search: { provider: 'local' },
  },
});

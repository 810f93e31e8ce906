import { AreaNav, type NavArea } from '../../shared/components/area-nav';

/** The console's areas. Sending settings, host names, webhooks and changing the brand are for vendor admins (the API answers 403 to others). */
const AREAS: NavArea[] = [
  { label: 'Campaigns', to: '/console', owns: (p: string) => p === '/console' || p.startsWith('/console/campaigns') },
  { label: 'Partners', to: '/console/partners', owns: (p: string) => p.startsWith('/console/partners') },
  { label: 'Programmes', to: '/console/programmes', owns: (p: string) => p.startsWith('/console/programmes') },
  { label: 'Dashboards', to: '/console/dashboards', owns: (p: string) => p.startsWith('/console/dashboards') },
  { label: 'Social', to: '/console/social/calendar', owns: (p: string) => p.startsWith('/console/social') },
  { label: 'Leads', to: '/console/leads', owns: (p: string) => p.startsWith('/console/leads') },
  { label: 'Webhooks', to: '/console/webhooks', owns: (p: string) => p.startsWith('/console/webhooks') },
  { label: 'Sending', to: '/console/sending', owns: (p: string) => p.startsWith('/console/sending') },
  { label: 'Host names', to: '/console/host-names', owns: (p: string) => p.startsWith('/console/host-names') },
  { label: 'Brand', to: '/console/brand', owns: (p: string) => p.startsWith('/console/brand') },
];

export function ConsoleNav() {
  return <AreaNav label="Console" areas={AREAS} />;
}

export { LandingPagesService, PAGE_KEEP_MS } from './landing-pages.service';
export type { PageResponse } from './landing-pages.service';
export type { LeadWithProspect } from './leads.repository';
export { LEAD_REASON_MAX_LENGTH, LeadsService } from './leads.service';
export type { LeadDetail } from './leads.service';
export { LeadNotices } from './lead-notices';
export { PagesModule } from './pages.module';
export { DataRequestsService } from './data-requests.service';
export type { DataErasure, DataExport } from './data-requests.service';

export { FORM_RATE_WINDOW_SECONDS } from './form-rate-limit';
export { LandingPagesService, PAGE_CACHE_ENTRIES, PAGE_LOOKUP_TTL_MS } from './landing-pages.service';
export type { PageResponse, Visitor } from './landing-pages.service';
export type { LeadWithProspect } from './leads.repository';
export { LEAD_REASON_MAX_LENGTH, LEAD_TRANSITIONS, LeadsService } from './leads.service';
export type { LeadStatusChange } from './leads.service';
export { PagesModule } from './pages.module';

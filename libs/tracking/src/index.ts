export { TrackingLinks } from './tracking-links';
export type { ClickToken } from './tracking-links';

export { BoundedTtlCache } from './bounded-ttl-cache';
export {
  CHALLENGE_LABEL,
  CHALLENGE_PREFIX,
  challengeProblem,
  challengeRecord,
  hostNameOf,
  requestHostName,
} from './host-name';
export type { ChallengeRecord } from './host-name';
export { HOST_CACHE_SIZE, HOST_CACHE_TTL_MS, HostVendors } from './host-vendors.service';
export type { HostVendor } from './vendor-host-names.repository';
export { MAX_HOST_NAMES_PER_VENDOR, VendorHostNamesService } from './vendor-host-names.service';
export { VendorHostsModule } from './vendor-hosts.module';

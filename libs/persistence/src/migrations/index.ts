// Every migration, oldest first. Files are named <epoch-ms>-<PascalName>.ts and never renamed.
import { Initial1795334923247 } from './1795334923247-Initial';
import { BrandKits1795336889335 } from './1795336889335-BrandKits';
import { RenderedAssets1795338489815 } from './1795338489815-RenderedAssets';
import { AudienceLaunchesDelivery1795339858720 } from './1795339858720-AudienceLaunchesDelivery';
import { EnrollmentsWithoutLaunchForeignKey1795348900000 } from './1795348900000-EnrollmentsWithoutLaunchForeignKey';
import { Tracking1795350264466 } from './1795350264466-Tracking';

export const MIGRATIONS: Function[] = [Initial1795334923247, BrandKits1795336889335, RenderedAssets1795338489815, AudienceLaunchesDelivery1795339858720, EnrollmentsWithoutLaunchForeignKey1795348900000, Tracking1795350264466];

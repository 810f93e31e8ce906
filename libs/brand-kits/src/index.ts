export { BrandKitsModule } from './brand-kits.module';
export { BrandKitsService } from './brand-kits.service';
export type { BrandKitInput, BrandKitView, BrandRenderInputs, BrandState, StoredSender } from './brand-kits.service';
export { LogoPipeline } from './logo-pipeline';
export type { LogoView } from './logo-pipeline';

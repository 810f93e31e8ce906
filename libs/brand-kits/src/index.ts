export { BrandKitsModule } from './brand-kits.module';
export { BrandKitsService } from './brand-kits.service';
export type { BrandKitInput, BrandKitView, BrandRenderInputs, BrandState, SenderIdentity } from './brand-kits.service';

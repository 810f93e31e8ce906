export { BrandKitsModule } from './brand-kits.module';
export { BrandKitsService } from './brand-kits.service';
export type {
  BrandKitInput,
  BrandKitView,
  BrandRenderInputs,
  BrandState,
  SenderIdentity,
  StoredSender,
} from './brand-kits.service';

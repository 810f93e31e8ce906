export { VendorBrandsModule } from './vendor-brands.module';
export { VendorBrandsService } from './vendor-brands.service';
export type { EmailBrand, VendorBrandView } from './vendor-brands.service';
export type { VendorBrandInput } from './vendor-brand-fields';
export { ENGINE_BRAND, ENGINE_PORTAL_BRAND } from './vendor-brand-view';
export type { BrandColors, PortalBrand } from './vendor-brand-view';

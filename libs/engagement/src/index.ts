export { ConversionsService } from './conversions.service';
export type { ConversionResult } from './conversions.service';
export { EngagementModule } from './engagement.module';
export { EngagementService } from './engagement.service';

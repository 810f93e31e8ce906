export { ConversionsService } from './conversions.service';
export type { ConversionInput, ConversionResult } from './conversions.service';
export { EngagementModule } from './engagement.module';
export { EngagementService } from './engagement.service';
export type { EngagementResult } from './engagement.service';

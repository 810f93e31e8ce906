export { isPrivateAddress, RefusedTargetError, resolvePublicTarget } from './target-guard';
export { WEBHOOK_DISABLE_AFTER_MS, WEBHOOK_TIMEOUT_MS, WebhookDeliveryService } from './webhook-delivery.service';
export type { DeliveryOutcome } from './webhook-delivery.service';
export { WebhookDispatcher } from './webhook-dispatcher';
export { generateWebhookSecret, signWebhook, WEBHOOK_SECRET_PREFIX } from './webhook-signature';
export { WEBHOOK_URL_MAX_LENGTH, WebhooksService } from './webhooks.service';
export type { RegisterEndpointInput } from './webhooks.service';
export { WebhooksModule } from './webhooks.module';

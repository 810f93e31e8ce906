import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { InvalidError, NotFoundError } from '@tcma/errors';
import { WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow, WebhookEventType } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { Actor, scopeOf } from '@tcma/tenancy';
import { WebhookDispatcher } from './webhook-dispatcher';
import { generateWebhookSecret } from './webhook-signature';
import { WebhooksRepository } from './webhooks.repository';

export const WEBHOOK_URL_MAX_LENGTH = 2048;
/** The most waiting deliveries queued again when an endpoint is enabled again (older ones: replay them). */
export const WEBHOOK_REQUEUE_MAX = 10_000;

export interface RegisterEndpointInput {
  url: string;
  eventTypes: WebhookEventType[];
}

/**
 * Registering webhook endpoints: a vendor admin's are the vendor's (every partner's events,
 * but never the people of a partner keeping its contacts private), a partner user's are its
 * partner's. The signing secret is shown once, at registration, and kept sealed.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly dispatcher: WebhookDispatcher,
    private readonly signer: Signer,
    private readonly config: AppConfig,
  ) {}

  async register(
    actor: Actor,
    input: RegisterEndpointInput,
  ): Promise<{ endpoint: WebhookEndpointRow; secret: string }> {
    const url = this.checkUrl(input.url);
    const secret = generateWebhookSecret();
    const endpoint = await this.webhooks.createEndpoint(scopeOf(actor), {
      partnerId: actor.partnerId,
      url,
      eventTypes: [...new Set(input.eventTypes)],
      secretSealed: this.signer.seal(secret),
    });
    return { endpoint, secret };
  }

  list(actor: Actor, page: { limit: number; offset: number }): Promise<{ items: WebhookEndpointRow[]; total: number }> {
    return this.webhooks.listEndpoints(scopeOf(actor), page);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if (!(await this.webhooks.deleteEndpoint(scopeOf(actor), id))) throw new NotFoundError('Webhook endpoint');
  }

  async deliveries(
    actor: Actor,
    endpointId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: Array<WebhookDeliveryRow & { log: WebhookAttemptRow[] }>; total: number }> {
    const endpoint = await this.webhooks.findEndpointWithContacts(scopeOf(actor), endpointId);
    if (!endpoint) throw new NotFoundError('Webhook endpoint');
    return this.webhooks.listDeliveries(scopeOf(actor), endpoint.id, page);
  }

  /** Enables an endpoint again (after it was disabled for failing) and queues what it missed meanwhile. */
  async enable(actor: Actor, id: string): Promise<WebhookEndpointRow> {
    const endpoint = await this.webhooks.enable(scopeOf(actor), id);
    if (!endpoint) throw new NotFoundError('Webhook endpoint');
    await this.dispatcher.dispatch(
      await this.webhooks.undelivered(scopeOf(actor), endpoint.id, WEBHOOK_REQUEUE_MAX),
      true,
    );
    return endpoint;
  }

  /** Sends a delivery again (same webhook-id: a receiver that has it already can tell). */
  async replay(actor: Actor, deliveryId: string): Promise<WebhookDeliveryRow> {
    const delivery = await this.webhooks.findDelivery(scopeOf(actor), deliveryId);
    if (!delivery) throw new NotFoundError('Webhook delivery');
    await this.webhooks.reopen(scopeOf(actor), delivery.id);
    await this.dispatcher.dispatch([delivery.id], true);
    return { ...delivery, status: 'pending' };
  }

  private checkUrl(raw: string): string {
    const problem = (message: string) =>
      new InvalidError('The webhook address is not usable', [{ path: 'url', message }]);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw problem('must be an absolute https URL');
    }
    if (raw.length > WEBHOOK_URL_MAX_LENGTH) throw problem(`must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`);
    if (url.username || url.password)
      throw problem('must not carry a user name or password; authenticate with the signature');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const allowedPrivate = this.config.webhookAllowedPrivateTargets.has(host);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowedPrivate)) throw problem('must be https');
    return url.href;
  }
}

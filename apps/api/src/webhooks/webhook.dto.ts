import { ApiProperty } from '@nestjs/swagger';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  WebhookAttemptRow,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
  WebhookEndpointRow,
  WebhookEventType,
} from '@tcma/persistence';
import { WEBHOOK_URL_MAX_LENGTH } from '@tcma/webhooks';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';

export class RegisterWebhookDto {
  @ApiProperty({
    example: 'https://crm.example.com/hooks/tcma',
    maxLength: WEBHOOK_URL_MAX_LENGTH,
    description: 'https (http only for hosts in WEBHOOK_ALLOWED_PRIVATE_TARGETS).',
  })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: WebhookEventType[];
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "Null: the vendor's endpoint." })
  partnerId!: string | null;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) eventTypes!: WebhookEventType[];
  @ApiProperty({
    description:
      'False once it failed for a day (see disabledReason); enable it again with POST /webhooks/{id}/enable.',
  })
  enabled!: boolean;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: 'The first failed attempt since the last delivered one; null while it delivers.',
  })
  failingSince!: Date | null;
  @ApiProperty({ description: 'Failed attempts since the last delivered one.' }) consecutiveFailures!: number;
  @ApiProperty({ nullable: true, type: Date }) disabledAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason!: string | null;
  @ApiProperty() createdAt!: Date;

  static from(e: WebhookEndpointRow): WebhookEndpointDto {
    return {
      id: e.id,
      partnerId: e.partnerId,
      url: e.url,
      eventTypes: e.eventTypes,
      enabled: e.enabled,
      failingSince: e.failingSince,
      consecutiveFailures: e.consecutiveFailures,
      disabledAt: e.disabledAt,
      disabledReason: e.disabledReason,
      createdAt: e.createdAt,
    };
  }
}

export class RegisteredWebhookDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret (Standard Webhooks), shown this once.',
  })
  secret!: string;
}

export class WebhookAttemptDto {
  @ApiProperty() attempt!: number;
  @ApiProperty({ nullable: true, type: Number }) statusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty() latencyMs!: number;
  @ApiProperty() at!: Date;

  static from(a: WebhookAttemptRow): WebhookAttemptDto {
    return { attempt: a.attempt, statusCode: a.statusCode, error: a.error, latencyMs: a.latencyMs, at: a.at };
  }
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also the webhook-id header of every attempt.' }) id!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType!: WebhookEventType;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The body sent: { type, timestamp, data }.' })
  payload!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Date }) deliveredAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [WebhookAttemptDto] }) log!: WebhookAttemptDto[];

  static from(d: WebhookDeliveryRow & { log?: WebhookAttemptRow[] }): WebhookDeliveryDto {
    return {
      id: d.id,
      endpointId: d.endpointId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      payload: d.payload,
      deliveredAt: d.deliveredAt,
      createdAt: d.createdAt,
      log: (d.log ?? []).map((a) => WebhookAttemptDto.from(a)),
    };
  }
}

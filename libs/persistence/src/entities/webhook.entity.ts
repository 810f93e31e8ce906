import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { WebhookDeliveryStatus, WebhookEventType } from '../schema/column-types';
import { VendorEntity } from './vendor.entity';

/** A receiver of events: a vendor's (partnerId null) or a partner's, with its sealed signing secret. */
@Entity('webhook_endpoints')
@Index('webhook_endpoints_vendor_id_idx', ['vendorId'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_endpoints_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'webhook_endpoints_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** Null: the vendor's own endpoint, for every partner's events. */
  @Column('uuid', { nullable: true }) partnerId!: string | null;
  @Column('text') url!: string;
  @Column('text', { array: true }) eventTypes!: WebhookEventType[];
  /** The `whsec_…` secret, sealed like SMTP passwords (libs/signing). */
  @Column('text') secretSealed!: string;
  @Column('boolean', { default: true }) enabled!: boolean;
  /** The first failed attempt since the last delivered one: failing for WEBHOOK_DISABLE_AFTER_MS disables the endpoint. */
  @Column('timestamptz', { nullable: true }) failingSince!: Date | null;
  /** Failed attempts since the last delivered one. */
  @Column('integer', { default: 0 }) consecutiveFailures!: number;
  /** When it was disabled for failing (null: enabled, or never disabled automatically). */
  @Column('timestamptz', { nullable: true }) disabledAt!: Date | null;
  @Column('text', { nullable: true }) disabledReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** One event for one endpoint; its id is the `webhook-id` every attempt carries (receivers de-duplicate by it). */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_endpoint_id_created_at_idx', ['endpointId', 'createdAt'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_deliveries_pkey' }) id!: string;
  @Column('uuid') endpointId!: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'webhook_deliveries_endpoint_id_fkey' })
  endpoint?: WebhookEndpointEntity;

  @Column('uuid') vendorId!: string;
  @Column('uuid', { nullable: true }) partnerId!: string | null;
  @Column('text') eventType!: WebhookEventType;
  /** The body as sent, every attempt the same bytes. */
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('text', { default: 'pending' }) status!: WebhookDeliveryStatus;
  @Column('integer', { default: 0 }) attempts!: number;
  @Column('timestamptz', { nullable: true }) deliveredAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** The delivery log: one row per HTTP attempt. */
@Entity('webhook_attempts')
@Index('webhook_attempts_delivery_id_idx', ['deliveryId'])
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'webhook_attempts_pkey',
  })
  id!: string;
  @Column('uuid') deliveryId!: string;

  @ManyToOne(() => WebhookDeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'webhook_attempts_delivery_id_fkey' })
  delivery?: WebhookDeliveryEntity;

  @Column('integer') attempt!: number;
  /** The receiver's HTTP status; null when there was no answer (refused target, timeout, network). */
  @Column('integer', { nullable: true }) statusCode!: number | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('integer') latencyMs!: number;
  @Column('timestamptz') at!: Date;
}

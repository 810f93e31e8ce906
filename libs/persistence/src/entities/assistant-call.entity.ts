import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AssistantCallStatus } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';
import { UserEntity } from './user.entity';
import { VendorEntity } from './vendor.entity';

/**
 * One call to the assistant's model (issue 27): written `pending` with its tokens reserved before
 * the model is asked, so the vendor's monthly budget and rate limit count calls in flight in
 * every process, then `completed` with the tokens the model reports, or `failed`; a request
 * refused by the budget or the rate limit is kept as `refused` (no tokens). Vendor admins read
 * them: who (user, partner), what for, which model, tokens, duration.
 */
@Entity('assistant_calls')
@Index('assistant_calls_vendor_id_created_at_idx', ['vendorId', 'createdAt'])
@Index('assistant_calls_partner_id_idx', ['partnerId'])
@Index('assistant_calls_user_id_idx', ['userId'])
export class AssistantCallEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'assistant_calls_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'assistant_calls_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** The partner a partner user (or a vendor user acting for it) called for; null for the vendor's own work. */
  @Column('uuid', { nullable: true }) partnerId!: string | null;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'assistant_calls_partner_id_fkey' })
  partner?: PartnerEntity | null;

  /** Who asked; null once that user is deleted (the record and its tokens stay). */
  @Column('uuid', { nullable: true }) userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'assistant_calls_user_id_fkey' })
  user?: UserEntity | null;

  /** What for: subject_lines, preheaders, social_copy, rewrite_paragraph, text_block, translation. */
  @Column('text') purpose!: string;
  @Column('text') model!: string;
  @Column('text', { default: 'pending' }) status!: AssistantCallStatus;
  /** Why it failed or was refused, as the user was told. */
  @Column('text', { nullable: true }) error!: string | null;
  /** What the call may use at most (its prompt's estimate and the longest answer), counted while pending. */
  @Column('integer', { default: 0 }) reservedTokens!: number;
  @Column('integer', { default: 0 }) promptTokens!: number;
  @Column('integer', { default: 0 }) completionTokens!: number;
  @Column('integer', { nullable: true }) durationMs!: number | null;
  /** By the injected clock: the month a call counts in and the rate limit's minute. */
  @Column('timestamptz', { default: () => 'now()' }) createdAt!: Date;
}

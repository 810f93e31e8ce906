import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message "sent" to the local outbox: where email goes when no SMTP server is configured. */
@Entity('outbox_messages')
@Index('outbox_messages_vendor_id_partner_id_id_idx', ['vendorId', 'partnerId', 'id'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'outbox_messages_pkey',
  })
  id!: string;

  @Column('uuid') vendorId!: string;
  @Column('uuid', { nullable: true }) partnerId!: string | null;
  @Column('bigint', { nullable: true }) sendId!: string | null;
  @Column('text') envelopeFrom!: string;
  @Column('text', { array: true }) recipients!: string[];
  @Column('text') subject!: string;
  @Column('text', { nullable: true }) messageId!: string | null;
  /** The whole message as it would have gone over SMTP. */
  @Column('bytea') raw!: Buffer;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

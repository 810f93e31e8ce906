import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * How a vendor (or one of its partners) sends: SMTP server, DKIM key, rate. Secrets are
 * stored encrypted with a key derived from the instance's secret.
 */
@Entity('sending_configs')
@Index('sending_configs_scope_key', { synchronize: false })
export class SendingConfigEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sending_configs_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  /** null: the vendor's default; else this partner's own. */
  @Column('uuid', { nullable: true }) partnerId!: string | null;
  /** AES-GCM of the SMTP URL (it may hold a password). */
  @Column('text', { nullable: true }) smtpUrlEncrypted!: string | null;
  @Column('text', { nullable: true }) dkimDomain!: string | null;
  @Column('text', { nullable: true }) dkimSelector!: string | null;
  @Column('text', { nullable: true }) dkimKeyEncrypted!: string | null;
  @Column('integer', { nullable: true }) ratePerSecond!: number | null;
  @Column('integer', { default: 1 }) revision!: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SsoConnectionEntity } from './sso-connection.entity';

/**
 * A sign-in a connection refused, with its reason and what exactly was wrong (issue 26: refused
 * "with a clear page and recorded"): what the vendor admin reads when a partner says it cannot
 * get in. Kept 30 days (housekeeping).
 */
@Entity('sso_refusals')
@Index('sso_refusals_connection_idx', ['connectionId', 'createdAt'])
@Index('sso_refusals_created_at_idx', ['createdAt'])
export class SsoRefusalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sso_refusals_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') connectionId!: string;
  @ManyToOne(() => SsoConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'sso_refusals_connection_id_fkey' })
  connection?: SsoConnectionEntity;
  /** The code the sign-in page shows (sso_error). */
  @Column('text') reason!: string;
  @Column('text') detail!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

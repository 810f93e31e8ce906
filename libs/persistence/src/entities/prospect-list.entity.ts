import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { PartnerEntity } from './partner.entity';
import { ProspectEntity } from './prospect.entity';

/** A saved audience of a partner. */
@Entity('prospect_lists')
@Index('prospect_lists_partner_id_name_key', ['partnerId', 'name'], { unique: true })
export class ProspectListEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'prospect_lists_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'prospect_lists_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('text') name!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('prospect_list_members')
@Index('prospect_list_members_prospect_id_idx', ['prospectId'])
export class ProspectListMemberEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'prospect_list_members_pkey' }) listId!: string;
  @PrimaryColumn('bigint', { primaryKeyConstraintName: 'prospect_list_members_pkey' }) prospectId!: string;

  @ManyToOne(() => ProspectListEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'prospect_list_members_list_id_fkey' })
  list?: ProspectListEntity;

  @ManyToOne(() => ProspectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prospect_id', foreignKeyConstraintName: 'prospect_list_members_prospect_id_fkey' })
  prospect?: ProspectEntity;
}

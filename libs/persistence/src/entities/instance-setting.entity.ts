import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Engine-wide values generated once and shared by every process (e.g. the signing secret). */
@Entity('instance_settings')
export class InstanceSettingEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'instance_settings_pkey' })
  key!: string;

  @Column('text')
  value!: string;
}

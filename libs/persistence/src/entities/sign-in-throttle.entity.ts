import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins counted per account and per address, in a fixed window shared by every API process. */
@Entity('sign_in_throttles')
export class SignInThrottleEntity {
  /** "account:<email>" or "address:<ip>". */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'sign_in_throttles_pkey' })
  key!: string;

  @Column('timestamptz')
  windowStartedAt!: Date;

  @Column('integer')
  failures!: number;
}

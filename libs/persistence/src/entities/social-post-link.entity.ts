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
import type { SocialNetwork } from '../schema/column-types';
import { SocialPostEntity } from './social-post.entity';

/**
 * A tracked link in a social post's copy for one network: its unguessable short code (the path
 * of the public redirect) and the one target it sends a click to, written when the post is
 * composed and never changed. The redirect goes nowhere else, so it is no open redirect.
 */
@Entity('social_post_links')
@Index('social_post_links_post_id_network_link_index_key', ['postId', 'network', 'linkIndex'], { unique: true })
export class SocialPostLinkEntity {
  /** The short code (random, base62): `<PUBLIC_BASE_URL>/s/<id>`. */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'social_post_links_pkey' }) id!: string;
  @Column('uuid') postId!: string;

  @ManyToOne(() => SocialPostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'social_post_links_post_id_fkey' })
  post?: SocialPostEntity;

  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;
  @Column('uuid') campaignId!: string;
  @Column('text') network!: SocialNetwork;
  /** Its place among the links of the network's copy, from 0. */
  @Column('integer') linkIndex!: number;
  /** Where a click goes: the link as written, with the post's UTM tags. */
  @Column('text') target!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/**
 * A fetch of a social post's tracked link, with its context copied from the link (vendor,
 * partner, campaign, post, network). Judged as it is written: `machine` says why it was not a
 * person (a preview fetcher, a HEAD), null for a person's click, the only ones counted.
 */
@Entity('social_post_clicks')
@Index('social_post_clicks_post_id_network_idx', ['postId', 'network'])
export class SocialPostClickEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'social_post_clicks_pkey' })
  id!: string;
  @Column('text') linkId!: string;

  @ManyToOne(() => SocialPostLinkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'link_id', foreignKeyConstraintName: 'social_post_clicks_link_id_fkey' })
  link?: SocialPostLinkEntity;

  @Column('uuid') postId!: string;

  @ManyToOne(() => SocialPostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'social_post_clicks_post_id_fkey' })
  post?: SocialPostEntity;

  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;
  @Column('uuid') campaignId!: string;
  @Column('text') network!: SocialNetwork;
  @Column('timestamptz') occurredAt!: Date;
  @Column('text', { nullable: true }) userAgent!: string | null;
  @Column('text', { nullable: true }) method!: string | null;
  /** Why it was judged a machine's fetch (libs/tracking machine-rules); null: a person's click. */
  @Column('text', { nullable: true }) machine!: string | null;
}

import { AliasableExpression, Expression, expressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../db/database.types';
import type { PartnerScope } from '../db/tenant-scope';

/** Who a message would go to, as expressions of the query it is used in (columns or values). */
export interface SuppressionTarget {
  vendorId: Expression<string>;
  partnerId: Expression<string>;
  /** Null: mail of no campaign in particular, which only vendor-wide and partner suppressions cover. */
  campaignId: Expression<string | null>;
  emailLower: Expression<string>;
}

/** A target in a partner's scope: mail of that vendor's partner (the rule's tenant is the scope). */
export function suppressionTargetOf(
  scope: PartnerScope,
  mail: Pick<SuppressionTarget, 'campaignId' | 'emailLower'>,
): SuppressionTarget {
  const eb = expressionBuilder<DB, never>();
  return { vendorId: eb.val(scope.vendorId), partnerId: eb.val(scope.partnerId), ...mail };
}

/** The suppressions of the vendor that cover the target: vendor-wide, for its partner, or for its campaign. */
function covering(target: SuppressionTarget) {
  const eb = expressionBuilder<DB, never>();
  return eb
    .selectFrom('suppressions as sup')
    .where('sup.vendorId', '=', target.vendorId)
    .where('sup.emailLower', '=', target.emailLower)
    .where((s) => s.or([s('sup.partnerId', 'is', null), s('sup.partnerId', '=', target.partnerId)]))
    .where((s) => s.or([s('sup.campaignId', 'is', null), s('sup.campaignId', '=', target.campaignId)]));
}

/**
 * The suppression rule, the one place it is written: an address may not be emailed for a
 * (vendor, partner, campaign) when a suppression of that vendor covers it vendor-wide, for
 * that partner, or for that campaign. Used when enrolling and immediately before each send.
 */
export function suppressionCovers(target: SuppressionTarget): AliasableExpression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb.exists(covering(target).select(eb.lit(1).as('one')));
}

/** Why a launch's dry run counts an address out, strongest first: the reasons the portal shows. */
export const EXCLUSION_REASONS = ['unsubscribed', 'invalid', 'suppressed'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * The strongest reason the same rule excludes the target, as its 1-based index in
 * EXCLUSION_REASONS, or null when nothing covers it: an unsubscribe, then a bounce (the address
 * is invalid), then any other suppression (manual, complaint). Same covering rule as
 * `suppressionCovers`, so a dry run and a launch agree.
 */
export function exclusionRank(target: SuppressionTarget): AliasableExpression<number | null> {
  return covering(target)
    .select((s) =>
      s.fn
        .min<number>(
          s
            .case()
            .when('sup.reason', '=', 'unsubscribed')
            .then(1)
            .when('sup.reason', '=', 'bounced')
            .then(2)
            .else(3)
            .end(),
        )
        .as('rank'),
    )
    .$asScalar();
}

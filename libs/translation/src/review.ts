import type { VariantOrigin } from '@tcma/campaign-model';

/** A model's draft (an email's, a post's copy, a page's words) no person has approved yet. */
export const needsReview = (variant: { origin: VariantOrigin; review?: unknown } | undefined): boolean =>
  variant?.origin === 'machine' && !variant.review;

/** The sizes a campaign's content may reach. */
export const LIMITS = {
  nameLength: 200,
  descriptionLength: 5000,
  tags: 20,
  tagLength: 40,
  eligibilityEntries: 50,
  slots: 30,
  links: 30,
  assets: 50,
  rectsPerAsset: 20,
  maxWaitDays: 365,
} as const;

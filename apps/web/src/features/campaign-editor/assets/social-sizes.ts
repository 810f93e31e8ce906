/** The image sizes the API renders a social post at (its OpenAPI enum), with each network's aspect. */
export const SOCIAL_SIZES = [
  // eslint-disable-next-line tcma/no-untranslated-text -- a network's own name
  { value: 'linkedin', label: 'LinkedIn', aspect: 1200 / 627 },
  // eslint-disable-next-line tcma/no-untranslated-text -- a network's own name
  { value: 'facebook', label: 'Facebook', aspect: 1200 / 630 },
  // eslint-disable-next-line tcma/no-untranslated-text -- a network's own name
  { value: 'x', label: 'X', aspect: 1600 / 900 },
  { value: 'square', label: null, aspect: 1 },
];

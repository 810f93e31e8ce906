/** Output sizes of social images, in pixels. */
export const SOCIAL_IMAGE_SIZES = {
  linkedin: { width: 1200, height: 627 },
  facebook: { width: 1200, height: 630 },
  x: { width: 1600, height: 900 },
  square: { width: 1080, height: 1080 },
} as const;
export type SocialImageSize = keyof typeof SOCIAL_IMAGE_SIZES;
export const SOCIAL_IMAGE_FORMATS = ['png', 'jpeg'] as const;
export type SocialImageFormat = (typeof SOCIAL_IMAGE_FORMATS)[number];

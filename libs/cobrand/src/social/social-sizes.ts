/** Output sizes of social images, in pixels. */
export const SOCIAL_IMAGE_SIZES = {
  linkedin: { width: 1200, height: 627 },
  facebook: { width: 1200, height: 630 },
  x: { width: 1600, height: 900 },
  square: { width: 1080, height: 1080 },
  /**
   * A catalogue card's thumbnail: LinkedIn's shape at half its width, two device pixels for each
   * of a card's 300 CSS pixels (the 1,200 px render was 56 kB where a card shows 300 px).
   */
  card: { width: 600, height: 314 },
} as const;
export type SocialImageSize = keyof typeof SOCIAL_IMAGE_SIZES;
export const SOCIAL_IMAGE_FORMATS = ['png', 'jpeg'] as const;
export type SocialImageFormat = (typeof SOCIAL_IMAGE_FORMATS)[number];

import {
  Card,
  createTheme,
  NavLink,
  Notification,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';
import { BRAND_SHADE, brandPalette } from '../shared/lib/brand-palette';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * A calm, professional look: indigo on white and light grey, system fonts (nothing to
 * download), shades chosen so text keeps at least WCAG AA contrast (4.5:1).
 */
const base: MantineThemeOverride = {
  primaryColor: 'indigo',
  // Shade 6 under white text is 4.2:1; 8 is 6.2:1.
  primaryShade: { light: BRAND_SHADE, dark: 5 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Someone who asked their system for less motion gets none: modals and notifications appear at once.
  respectReducedMotion: true,
  focusRing: 'auto',
  fontFamily: FONT,
  headings: {
    fontFamily: FONT,
    fontWeight: '650',
    sizes: { h1: { fontSize: '1.75rem', lineHeight: '1.25' }, h2: { fontSize: '1.25rem', lineHeight: '1.35' } },
  },
  components: {
    // Every card of the app is a white surface with a border on the page's grey. (Not Paper's
    // default: modals are Paper too, and keep their shadow without a border.)
    Card: Card.extend({ defaultProps: { withBorder: true } }),
    // An active link's description is faded to 0.9 by default: 4.4:1 under the hover colour.
    NavLink: NavLink.extend({ styles: { description: { '--description-opacity': '1' } } }),
  },
};

/**
 * The app's theme: the engine's indigo, or a vendor's brand, whose readable colour (from the API:
 * white text on it reaches AA) becomes the `brand` palette's filled shade (see brandPalette).
 */
export function createAppTheme(readableBrandColor: string | null, words: { dismiss: string }) {
  const themed: MantineThemeOverride = {
    ...base,
    components: {
      ...base.components,
      // A notification's close button is an icon alone: it needs a name, in the reader's language.
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': words.dismiss } } }),
    },
  };
  if (!readableBrandColor) return createTheme(themed);
  return createTheme({ ...themed, primaryColor: 'brand', colors: { brand: brandPalette(readableBrandColor) } });
}

/**
 * Contrast fixes: Mantine's dimmed text (grey 6) is 3.3:1 on white; its light variant (the
 * active navigation link) puts shade 9 on shade 1, darkened to 4.1:1 on hover. Lighter
 * backgrounds keep that text above 4.5:1. A field's error (red 6, 3.3:1) is red 9.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  // The engine's indigo stays in use (badges, highlights) beside a vendor's palette: both are fixed.
  const light: Record<string, string> = {};
  for (const name of new Set(['indigo', t.primaryColor])) {
    light[`--mantine-color-${name}-light`] = t.colors[name][0];
    light[`--mantine-color-${name}-light-hover`] = t.colors[name][1];
    light[`--mantine-color-${name}-light-color`] = t.colors[name][9];
  }
  return {
    variables: {},
    light: {
      '--mantine-color-dimmed': t.colors.gray[7],
      ...light,
      // A field's error text: red 6 is 3.3:1 on white, red 9 5.5:1 (5.2:1 on the page's grey).
      '--mantine-color-error': t.colors.red[9],
    },
    dark: {},
  };
};

import { Card, createTheme, NavLink, Notification, type CSSVariablesResolver } from '@mantine/core';

/**
 * A calm, professional look: indigo on white and light grey, system fonts (nothing to
 * download), shades chosen so text keeps at least WCAG AA contrast (4.5:1).
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 under white text is 4.2:1; 8 is 6.2:1.
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Someone who asked their system for less motion gets none: modals and notifications appear at once.
  respectReducedMotion: true,
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
    sizes: { h1: { fontSize: '1.75rem', lineHeight: '1.25' }, h2: { fontSize: '1.25rem', lineHeight: '1.35' } },
  },
  components: {
    // Every card of the app is a white surface with a border on the page's grey. (Not Paper's
    // default: modals are Paper too, and keep their shadow without a border.)
    Card: Card.extend({ defaultProps: { withBorder: true } }),
    // An active link's description is faded to 0.9 by default: 4.4:1 under the hover colour.
    NavLink: NavLink.extend({ styles: { description: { '--description-opacity': '1' } } }),
    // A notification's close button is an icon alone: it needs a name.
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
});

/**
 * Contrast fixes: Mantine's dimmed text (grey 6) is 3.3:1 on white; its light variant (the
 * active navigation link) puts indigo 9 on indigo 1, darkened to 4.1:1 on hover. Lighter
 * backgrounds keep that text above 4.5:1. A field's error (red 6, 3.3:1) is red 9.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-indigo-light': t.colors.indigo[0],
    '--mantine-color-indigo-light-hover': t.colors.indigo[1],
    '--mantine-color-indigo-light-color': t.colors.indigo[9],
    // A field's error text: red 6 is 3.3:1 on white, red 9 5.5:1 (5.2:1 on the page's grey).
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {},
});

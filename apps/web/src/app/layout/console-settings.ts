/** The console's settings areas, in the order the settings page lists them (their words: consoleNav.<key>). */
export const CONSOLE_SETTINGS = [
  { key: 'webhooks', to: '/console/webhooks' },
  { key: 'crm', to: '/console/crm' },
  { key: 'sending', to: '/console/sending' },
  { key: 'hostNames', to: '/console/host-names' },
  { key: 'sso', to: '/console/sso' },
  { key: 'brand', to: '/console/brand' },
] as const;

export type ConsoleSetting = (typeof CONSOLE_SETTINGS)[number]['key'];

/** Whether a console address is the settings page or one of the settings. */
export const isSettingsPath = (pathname: string): boolean =>
  pathname.startsWith('/console/settings') || CONSOLE_SETTINGS.some((s) => pathname.startsWith(s.to));

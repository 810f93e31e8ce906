import type { Recipient } from '@tcma/cobrand';

/** The prospect every preview is addressed to; its links lead nowhere. */
export function sampleRecipient(publicBaseUrl: string): Recipient {
  return {
    prospect: {
      email: 'jamie.doe@example.com',
      first_name: 'Jamie',
      last_name: 'Doe',
      company: 'Example Corp',
      title: 'IT Manager',
      country: 'US',
      custom: {},
    },
    unsubscribeUrl: `${publicBaseUrl}/preview/unsubscribe`,
    viewInBrowserUrl: `${publicBaseUrl}/preview/view-in-browser`,
    preferencesUrl: `${publicBaseUrl}/preview/preferences`,
    linkUrl: (link) => link.url,
    openPixelUrl: `${publicBaseUrl}/preview/open.gif`,
  };
}

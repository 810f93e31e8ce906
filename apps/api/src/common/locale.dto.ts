/** How the API describes a user's `locale` wherever it shows one. */
export const LOCALE_DESCRIPTION =
  "The user's language (the web app's and the engine's emails to them); null: the web app follows the browser and emails are in English.";

import { expect, type Locator, type Page } from '@playwright/test';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';

/**
 * A new partner's first minutes, shared by its browser test (onboarding.browser-spec.ts: the
 * clicks, the screens, axe) and its benchmark (bench/onboarding.bench.ts: the clicks and the
 * machine's time): from the invitation email's link, through the guided set-up, to a started
 * launch of the vendor's promoted campaign. Built without the DOM's types (the bench's build).
 */

/** Ten prospects, the partner's time zone for each. */
export const FIRST_LAUNCH_CSV = [
  'email,first_name,timezone',
  ...Array.from({ length: 10 }, (_, i) => `first-${i}@prospect.example,P${i},`),
].join('\n');

/** What the path reads, in each language it is taken in: written out here, not read from the app's catalogues. */
export const FIRST_LAUNCH_WORDS = {
  en: {
    yourName: 'Your name',
    password: 'Password',
    createAccount: 'Create my account',
    setup: 'Set up your portal',
    brandStep: 'Your logo and colours',
    chooseLogo: 'Choose a logo',
    logoAlt: (company: string) => `${company} logo`,
    previewAlt: (campaign: string) => `${campaign} with your logo and colours`,
    primaryColour: 'Primary colour',
    saveAndContinue: 'Save and continue',
    companyStep: 'Your company details',
    companyName: 'Company name',
    email: 'Email',
    website: 'Website',
    address: 'Postal address',
    senderStep: 'Who your emails come from',
    fromName: 'From name',
    fromAddress: 'From address',
    audienceStep: 'Your first prospects',
    chooseCsv: 'Choose a CSV file',
    prospects: 'You have 10 prospects.',
    continue: 'Continue',
    launchStep: 'Your first launch',
    launch: (campaign: string) => `Launch “${campaign}”`,
    review: 'Review the launch',
    confirm: 'Confirm the launch',
    // "Thu 26 Nov, 10:00" (en-GB): the weekday, the day, the month, a 24-hour clock.
    date: /^[A-Z][a-z]{2},? \d{1,2} [A-Z][a-z]{2},? \d{2}:\d{2}$/,
  },
  de: {
    yourName: 'Ihr Name',
    password: 'Passwort',
    createAccount: 'Mein Konto anlegen',
    setup: 'Ihr Portal einrichten',
    brandStep: 'Ihr Logo und Ihre Farben',
    chooseLogo: 'Logo auswählen',
    logoAlt: (company: string) => `Logo von ${company}`,
    previewAlt: (campaign: string) => `${campaign} mit Ihrem Logo und Ihren Farben`,
    primaryColour: 'Primärfarbe',
    saveAndContinue: 'Speichern und weiter',
    companyStep: 'Ihre Firmendaten',
    companyName: 'Name des Unternehmens',
    email: 'E-Mail',
    website: 'Website',
    address: 'Postanschrift',
    senderStep: 'Von wem Ihre E-Mails kommen',
    fromName: 'Absendername',
    fromAddress: 'Absenderadresse',
    audienceStep: 'Ihre ersten Interessenten',
    chooseCsv: 'CSV-Datei auswählen',
    prospects: 'Sie haben 10 Interessenten.',
    continue: 'Weiter',
    launchStep: 'Ihr erster Launch',
    launch: (campaign: string) => `„${campaign}“ starten`,
    review: 'Start prüfen',
    confirm: 'Start bestätigen',
    // "Do., 26. Nov., 10:00": the weekday, the day with its dot, the month, a 24-hour clock.
    date: /^[A-Z][a-z]\., \d{1,2}\. [A-ZÄ][a-zä]+\.?, \d{2}:\d{2}$/,
  },
};

export type Language = keyof typeof FIRST_LAUNCH_WORDS;

/** What the journey reads of an <img> (the DOM's own type is not in the bench's build). */
interface ImageState {
  complete: boolean;
  naturalWidth: number;
}

export interface FirstLaunchInput {
  page: Page;
  /** The API's origin; '' when the page's base URL is set. */
  base: string;
  /** The invitation's token, from the link in its email. */
  token: string;
  language: Language;
  /** The partner's company name, which the set-up shows filled in. */
  company: string;
  /** The promoted campaign's name: the set-up suggests it. */
  campaign: string;
  /** Reloads the page half-way, to see the set-up resume at the first step not done (the test does; a person would not). */
  reloadHalfWay?: boolean;
  /** Called at each screen worth looking at (the test's screenshots and axe); the bench passes none. */
  checkpoint?: (name: string, options?: { axe?: boolean }) => Promise<void>;
}

export interface FirstLaunchOutcome {
  /** Clicks, the email's button and the file dialogs' included; typing is not a click. */
  clicks: number;
  /** Milliseconds spent filling in text fields (the bench leaves them out of the machine's time). */
  typingMs: number;
  /** Milliseconds spent in checkpoints (screenshots, axe). */
  checkpointMs: number;
  launchId: string;
}

export async function firstLaunch(input: FirstLaunchInput): Promise<FirstLaunchOutcome> {
  const { page, base, token, language, company, campaign } = input;
  const w = FIRST_LAUNCH_WORDS[language];
  let typingMs = 0;
  let checkpointMs = 0;
  const type = async (field: Locator, text: string) => {
    const started = performance.now();
    await field.fill(text);
    typingMs += performance.now() - started;
  };
  const checkpoint = async (name: string, options?: { axe?: boolean }) => {
    const started = performance.now();
    await input.checkpoint?.(`${name}-${language}`, options);
    checkpointMs += performance.now() - started;
  };
  let clicks = 0;
  const click = async (target: Locator) => {
    clicks += 1;
    await target.click();
  };
  const chooseFile = async (button: Locator, file: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent('filechooser');
    await click(button);
    await (await chooser).setFiles(file);
  };
  const step = (name: string) => page.getByRole('heading', { level: 2, name });

  // 1: the email's button.
  clicks += 1;
  await page.goto(`${base}/invitations/${token}`);
  await type(page.getByRole('textbox', { name: w.yourName }), 'Nina Newcomer');
  await type(page.getByRole('textbox', { name: w.password, exact: true }), 'a newcomer passphrase');
  await click(page.getByRole('button', { name: w.createAccount }));

  // Signed in by the acceptance, in the guided set-up, at its first step (which holds the keyboard).
  await expect(page).toHaveURL(/\/portal\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: w.setup })).toBeVisible();
  await expect(step(w.companyStep)).toBeFocused();
  await checkpoint('setup-company');
  await expect(page.getByRole('textbox', { name: w.companyName })).toHaveValue(company);
  await type(page.getByRole('textbox', { name: w.email, exact: true }), 'hello@newcomer.example');
  await type(page.getByRole('textbox', { name: w.website }), 'https://newcomer.example');
  await type(page.getByRole('textbox', { name: w.address }), 'Main Street 1\n00-001 Warsaw\nPoland');
  await click(page.getByRole('button', { name: w.saveAndContinue }));

  await expect(step(w.brandStep)).toBeFocused();
  const demo = loadDemo();
  await chooseFile(page.getByRole('button', { name: w.chooseLogo }), {
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: demo.read(demo.manifest.partners[0].brandKit.logo ?? ''),
  });
  await expect(page.getByRole('img', { name: w.logoAlt(company) })).toBeVisible();
  // The preview: the promoted campaign, drawn with the new logo; the primary colour offered from the logo.
  const preview = page.getByRole('img', { name: w.previewAlt(campaign) });
  await expect(preview).toBeVisible();
  await expect
    .poll(() =>
      preview.evaluate((element) => {
        // Run in the page: nothing from this module's scope.
        const img = element as unknown as ImageState;
        return img.complete && img.naturalWidth > 0;
      }),
    )
    .toBe(true);
  await expect(page.getByRole('textbox', { name: w.primaryColour })).toHaveValue(/^#[0-9a-f]{6}$/);
  await checkpoint('setup-brand');
  await click(page.getByRole('button', { name: w.saveAndContinue }));

  await expect(step(w.senderStep)).toBeFocused();
  if (input.reloadHalfWay) {
    // Left half-way, the set-up opens again at the first step not done.
    await page.reload();
    await expect(step(w.senderStep)).toBeVisible();
  }
  await type(page.getByRole('textbox', { name: w.fromName }), 'Nina at Newcomer');
  await type(page.getByRole('textbox', { name: w.fromAddress }), 'nina@newcomer.example');
  await click(page.getByRole('button', { name: w.saveAndContinue }));

  await expect(step(w.audienceStep)).toBeFocused();
  await chooseFile(page.getByRole('button', { name: w.chooseCsv }), {
    name: 'first-ten.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(FIRST_LAUNCH_CSV),
  });
  await expect(page.getByRole('status').filter({ hasText: w.prospects })).toBeVisible();
  await checkpoint('setup-audience');
  await click(page.getByRole('button', { name: w.continue, exact: true }));

  await expect(step(w.launchStep)).toBeFocused();
  const launch = page.getByRole('button', { name: w.launch(campaign) });
  // Enabled once the campaign and its readiness for this partner are read.
  await expect(launch).toBeEnabled();
  await checkpoint('setup-launch');
  await click(launch);
  const wizard = page.getByRole('dialog', { name: w.launch(campaign) });
  await click(wizard.getByRole('button', { name: w.review }));
  // The review, on the partner's clock, as the reader's language writes dates.
  await expect(wizard.locator('time').first()).toHaveText(w.date);
  await click(wizard.getByRole('button', { name: w.confirm }));
  await expect(page).toHaveURL(/\/portal\/launches\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: campaign })).toBeVisible();
  await checkpoint('onboarding-launched', { axe: false });

  const launchId = page.url().split('/').pop() ?? '';
  return { clicks, typingMs, checkpointMs, launchId };
}

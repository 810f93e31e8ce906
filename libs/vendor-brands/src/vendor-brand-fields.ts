import { normalizeColor, normalizeHttpUrl, normalizeSlotValue } from '@tcma/cobrand';
import { normalizeDisplayName } from '@tcma/email-address';
import type { Problem } from '@tcma/errors';
import type { VendorBrandFields } from './vendor-brands.repository';

/** What a vendor admin sends: every field but the images; absent or empty clears it. */
export interface VendorBrandInput {
  displayName?: string | null;
  primaryColor?: string | null;
  supportEmail?: string | null;
  supportUrl?: string | null;
}

/** The display name is the From name of the engine's emails to partner users: a header's rules apply. */
export const DISPLAY_NAME_MAX_LENGTH = 100;

type TextFields = Pick<VendorBrandFields, 'displayName' | 'primaryColor' | 'supportEmail' | 'supportUrl'>;

const blank = (raw: string | null | undefined): raw is null | undefined => !raw || raw.trim() === '';

/** The input checked field by field: every problem with its field, or the normalised values. */
export function checkVendorBrand(input: VendorBrandInput): { fields: TextFields; problems: Problem[] } {
  const problems: Problem[] = [];
  const fields: TextFields = { displayName: null, primaryColor: null, supportEmail: null, supportUrl: null };
  const take = (path: keyof TextFields, result: { ok: true; value: string } | { ok: false; message: string }) => {
    if (result.ok) fields[path] = result.value;
    else problems.push({ path, message: result.message });
  };
  if (!blank(input.displayName)) take('displayName', normalizeDisplayName(input.displayName, DISPLAY_NAME_MAX_LENGTH));
  if (!blank(input.primaryColor)) take('primaryColor', normalizeColor(input.primaryColor));
  if (!blank(input.supportEmail)) take('supportEmail', normalizeSlotValue({ type: 'email' }, input.supportEmail));
  if (!blank(input.supportUrl)) take('supportUrl', httpsUrl(input.supportUrl));
  return { fields, problems };
}

/** Partners follow the support link from a signed-in page: only https, never a downgrade. */
function httpsUrl(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const url = normalizeHttpUrl(raw);
  if (url.ok && !url.value.startsWith('https://')) return { ok: false, message: 'must be an https URL' };
  return url;
}

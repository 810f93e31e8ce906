import type { CampaignContent, EmailAsset, PdfSlotRect, SlotRect, SlotType } from '@tcma/campaign-model';
import { BrandValues, normalizeLogo } from '@tcma/cobrand';
import { loadDemo } from '../apps/cli/src/demo/demo-manifest';
import { partnerName } from './bench-line';

const demo = loadDemo();
const m = demo.manifest;

export const demoContent: Pick<CampaignContent, 'slots' | 'links' | 'language'> = {
  slots: m.slots,
  links: m.links,
  language: m.language,
};
export const welcomeEmail: Pick<EmailAsset, 'id' | 'mjml' | 'subject' | 'preheader'> = {
  id: 'welcome',
  mjml: demo.readText(m.emails[0].file),
  subject: m.emails[0].subject,
  preheader: m.emails[0].preheader,
};
export const slotTypes: Array<[string, SlotType]> = m.slots.map((s) => [s.name, s.type]);
export const vendorPdf = new Uint8Array(demo.read(m.pdfs[0].file));
export const pdfRects: PdfSlotRect[] = m.pdfs[0].slots;
export const socialBackground = new Uint8Array(demo.read(m.social[0].file));
export const socialRects: SlotRect[] = m.social[0].slots;

export function brand(i: number): BrandValues {
  return {
    companyName: partnerName(i),
    contactName: `Contact Person ${i}`,
    email: `hello${i}@partner${i}.example`,
    phone: `+48 42 555 ${String(i % 10000).padStart(4, '0')}`,
    website: `https://partner${i}.example/`,
    address: `ul. Piotrkowska ${i % 300}\n90-${String(i % 1000).padStart(3, '0')} Łódź\nPolska`,
    primaryColor: `#${(0x0f766e + i * 97).toString(16).slice(-6).padStart(6, '0')}`,
    secondaryColor: null,
    logoUrl: `https://engine.example/public/sha256-${String(i).padStart(64, '0')}`,
  };
}

export async function demoLogo(): Promise<Uint8Array> {
  const result = await normalizeLogo(demo.read(m.partners[0].brandKit.logo));
  if (!result.ok) throw new Error(result.message);
  return new Uint8Array(result.logo.png);
}

import type {
  LinkDefinition,
  PageForm,
  PdfSlotRect,
  SendWindow,
  SlotDefinition,
  SlotRect,
  SocialNetwork,
  StepWait,
} from '@tcma/campaign-model';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** templates/ at the repository root, from source (ts) or from dist (js). */
export const TEMPLATES_DIR =
  [path.resolve(__dirname, '../../../../templates'), path.resolve(__dirname, '../../../../../templates')].find((d) =>
    fs.existsSync(d),
  ) ?? path.resolve('templates');

export interface DemoBrandKit {
  logo: string;
  contactName?: string;
  phone?: string;
  email: string;
  website: string;
  address: string;
  primaryColor: string;
  secondaryColor?: string;
  sender: { fromName: string; fromEmail: string; replyTo?: string } | null;
}

export interface DemoPartner {
  companyName: string;
  tier: string;
  region: string;
  timezone: string;
  user: { email: string; name: string };
  brandKit: DemoBrandKit;
}

/** A starter campaign as stored in templates/<name>/campaign.json, with its files beside it. */
export interface DemoManifest {
  name: string;
  description: string;
  tags: string[];
  language: string;
  eligibility: { tiers: string[]; regions: string[] };
  slots: SlotDefinition[];
  links: LinkDefinition[];
  emails: Array<{ key: string; name: string; subject: string; preheader: string; file: string }>;
  pdfs: Array<{ key: string; name: string; file: string; slots: PdfSlotRect[] }>;
  social: Array<{
    key: string;
    name: string;
    file: string;
    slots: SlotRect[];
    copy: Partial<Record<SocialNetwork, string>>;
  }>;
  /** The campaign's landing page: its HTML in `file`, its form as the API takes it. */
  page?: { key: string; name: string; title: string; file: string; noindex: boolean; form: PageForm | null };
  sequence: {
    steps: Array<{ id: string; email: string; wait: StepWait; window?: SendWindow | null }>;
    exit: { clickedLink: string | null; converted: boolean };
  };
  partners: DemoPartner[];
}

export interface LoadedDemo {
  dir: string;
  manifest: DemoManifest;
  read(file: string): Buffer;
  readText(file: string): string;
}

export function loadDemo(name = 'acme-cloud-backup'): LoadedDemo {
  const dir = path.join(TEMPLATES_DIR, name);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'campaign.json'), 'utf8')) as DemoManifest;
  const resolve = (file: string) => {
    const full = path.resolve(dir, file);
    if (!full.startsWith(dir + path.sep)) throw new Error(`${file} is outside ${dir}`);
    return full;
  };
  return {
    dir,
    manifest,
    read: (file) => fs.readFileSync(resolve(file)),
    readText: (file) => fs.readFileSync(resolve(file), 'utf8'),
  };
}

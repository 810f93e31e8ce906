import { Injectable } from '@nestjs/common';
import { BrandValues, ContrastWarning, contrastWarnings, normalizeSlotValue } from '@tcma/cobrand';
import { normalizeDisplayName, normalizeEmailAddress } from '@tcma/email-address';
import { InvalidError, NotFoundError, Problem } from '@tcma/errors';
import { BrandKitRow, PartnerRow, PartnerScope } from '@tcma/persistence';
import { BlobStorage } from '@tcma/storage';
import { Actor, isPartnerRole, PartnersService, scopeOfPartner } from '@tcma/tenancy';
import { BrandKitFields, BrandKitsRepository } from './brand-kits.repository';
import { LogoPipeline, LogoView } from './logo-pipeline';

export interface SenderIdentity {
  fromName: string;
  fromEmail: string;
  replyTo?: string | null;
}

/** The sender identity as stored, with whether its From address was confirmed by the link mailed to it. */
export interface StoredSender {
  fromName: string;
  fromEmail: string;
  replyTo: string | null;
  confirmed: boolean;
}

export interface BrandKitInput {
  companyName?: string | null;
  contactName?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  address?: string | null;
  primaryColor?: string | null;
  secondaryColor?: string | null;
  sender?: SenderIdentity | null;
}

export interface BrandKitView {
  partnerId: string;
  companyName: string;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  primaryColor: string | null;
  secondaryColor: string | null;
  logo: LogoView | null;
  sender: StoredSender | null;
  revision: number;
  warnings: ContrastWarning[];
}

export interface BrandState {
  partnerId: string;
  revision: number;
  brand: BrandValues;
  sender: StoredSender | null;
}

/** What the renderers need of a partner: checked brand values, the logo's bytes, a cache key. */
export interface BrandRenderInputs {
  partnerId: string;
  revision: number;
  brand: BrandValues;
  logoPng: Buffer | null;
}

const TEXT = { type: 'text' as const, maxLength: 100 };

@Injectable()
export class BrandKitsService {
  constructor(
    private readonly kits: BrandKitsRepository,
    private readonly partners: PartnersService,
    private readonly storage: BlobStorage,
    private readonly logos: LogoPipeline,
  ) {}

  /** Vendor users may read any of their partners' kits; a partner user only its own. */
  async get(actor: Actor, partnerId: string): Promise<BrandKitView> {
    const partner = await this.partners.get(actor, partnerId);
    return this.view(partner, await this.kits.find(scopeOfPartner(partner)));
  }

  async update(actor: Actor, partnerId: string, input: BrandKitInput): Promise<BrandKitView> {
    const partner = await this.ownPartner(actor, partnerId);
    const { fields, problems } = this.checkFields(input);
    if (problems.length) throw new InvalidError('The brand kit is invalid; nothing was saved', problems);
    return this.view(partner, await this.kits.save(scopeOfPartner(partner), fields));
  }

  /** Marks `email` confirmed for the partner while it is still its From address (a followed confirmation link). */
  confirmSender(scope: PartnerScope, email: string): Promise<boolean> {
    return this.kits.confirmSender(scope, email);
  }

  async setLogo(actor: Actor, partnerId: string, bytes: Buffer | undefined): Promise<BrandKitView> {
    const partner = await this.ownPartner(actor, partnerId);
    const logo = await this.logos.store(partner.id, bytes);
    return this.view(partner, await this.kits.save(scopeOfPartner(partner), { logo }));
  }

  async removeLogo(actor: Actor, partnerId: string): Promise<BrandKitView> {
    const partner = await this.ownPartner(actor, partnerId);
    return this.view(partner, await this.kits.save(scopeOfPartner(partner), { logo: null }));
  }

  /** Inputs for rendering a partner's co-branded assets (the partner is already scoped). */
  async renderInputs(partner: PartnerRow): Promise<BrandRenderInputs> {
    const kit = await this.kits.find(scopeOfPartner(partner));
    const logoPng = kit?.logo ? await this.storage.get(kit.logo.pngKey) : null;
    return { partnerId: partner.id, revision: kit?.revision ?? 0, brand: this.brandValues(partner, kit), logoPng };
  }

  /** The partner's brand values, revision and sender identity, without reading the logo's bytes. */
  async brandState(partner: PartnerRow): Promise<BrandState> {
    const kit = await this.kits.find(scopeOfPartner(partner));
    return {
      partnerId: partner.id,
      revision: kit?.revision ?? 0,
      brand: this.brandValues(partner, kit),
      sender: storedSender(partner, kit),
    };
  }

  brandValues(partner: PartnerRow, kit: BrandKitRow | null): BrandValues {
    return {
      companyName: kit?.companyName ?? partner.companyName,
      contactName: kit?.contactName ?? null,
      email: kit?.email ?? null,
      phone: kit?.phone ?? null,
      website: kit?.website ?? null,
      address: kit?.address ?? null,
      primaryColor: kit?.primaryColor ?? null,
      secondaryColor: kit?.secondaryColor ?? null,
      logoUrl: kit?.logo ? this.publicUrl(kit.logo.pngKey) : null,
    };
  }

  publicUrl(key: string): string {
    return this.logos.urlOf(key);
  }

  private async ownPartner(actor: Actor, partnerId: string): Promise<PartnerRow> {
    if (!isPartnerRole(actor.role) || actor.partnerId !== partnerId) throw new NotFoundError('Partner');
    return this.partners.get(actor, partnerId);
  }

  private checkFields(input: BrandKitInput): { fields: Partial<BrandKitFields>; problems: Problem[] } {
    const problems: Problem[] = [];
    const fields: Partial<BrandKitFields> = {};
    const check = (
      path: keyof BrandKitFields,
      slot: Parameters<typeof normalizeSlotValue>[0],
      raw: string | null | undefined,
    ) => {
      if (raw === undefined || raw === null || raw.trim() === '') {
        (fields as Record<string, string | null>)[path] = null;
        return;
      }
      const result = normalizeSlotValue(slot, raw);
      if (result.ok) (fields as Record<string, string | null>)[path] = result.value;
      else problems.push({ path, message: result.message });
    };
    check('companyName', TEXT, input.companyName);
    // The company name reaches the From header ("<company> via <vendor>"): a display name's rules too.
    if (fields.companyName) {
      const name = normalizeDisplayName(fields.companyName, TEXT.maxLength);
      if (!name.ok) problems.push({ path: 'companyName', message: name.message });
    }
    check('contactName', TEXT, input.contactName);
    check('phone', { type: 'phone' }, input.phone);
    check('email', { type: 'email' }, input.email);
    check('website', { type: 'url' }, input.website);
    check('address', { type: 'address' }, input.address);
    check('primaryColor', { type: 'color' }, input.primaryColor);
    check('secondaryColor', { type: 'color' }, input.secondaryColor);
    const sender = input.sender;
    if (sender) {
      const fromName = normalizeDisplayName(sender.fromName, TEXT.maxLength);
      if (!fromName.ok) problems.push({ path: 'sender.fromName', message: fromName.message });
      const fromEmail = normalizeEmailAddress(sender.fromEmail);
      if (!fromEmail.ok) problems.push({ path: 'sender.fromEmail', message: fromEmail.message });
      const replyTo = sender.replyTo ? normalizeEmailAddress(sender.replyTo) : null;
      if (replyTo && !replyTo.ok) problems.push({ path: 'sender.replyTo', message: replyTo.message });
      fields.senderFromName = fromName.ok ? fromName.value : null;
      fields.senderFromEmail = fromEmail.ok ? fromEmail.value : null;
      fields.senderReplyTo = replyTo?.ok ? replyTo.value : null;
    } else {
      fields.senderFromName = null;
      fields.senderFromEmail = null;
      fields.senderReplyTo = null;
    }
    return { fields, problems };
  }

  private view(partner: PartnerRow, kit: BrandKitRow | null): BrandKitView {
    const brand = this.brandValues(partner, kit);
    return {
      partnerId: partner.id,
      companyName: brand.companyName ?? partner.companyName,
      contactName: brand.contactName,
      phone: brand.phone,
      email: brand.email,
      website: brand.website,
      address: brand.address,
      primaryColor: brand.primaryColor,
      secondaryColor: brand.secondaryColor,
      logo: this.logos.view(kit?.logo ?? null),
      sender: storedSender(partner, kit),
      revision: kit?.revision ?? 0,
      warnings: contrastWarnings({ primaryColor: brand.primaryColor, secondaryColor: brand.secondaryColor }),
    };
  }
}

function storedSender(partner: PartnerRow, kit: BrandKitRow | null): StoredSender | null {
  if (!kit?.senderFromEmail) return null;
  return {
    fromName: kit.senderFromName ?? kit.companyName ?? partner.companyName,
    fromEmail: kit.senderFromEmail,
    replyTo: kit.senderReplyTo,
    confirmed:
      kit.senderConfirmedEmail !== null && kit.senderConfirmedEmail.toLowerCase() === kit.senderFromEmail.toLowerCase(),
  };
}

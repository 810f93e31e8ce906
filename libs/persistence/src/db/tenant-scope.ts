/**
 * Whose data a query may touch. Every repository method that reads or writes tenant data
 * takes one of these and applies it in the query itself (see scope-filters.ts); methods that
 * must cross tenants (the sweep, the send path, tracking by signed id) end in `ForSystem`.
 *
 * The private brand makes both nominal: a plain `{ vendorId }` object is not a scope, so a
 * scope can only come from these constructors (in practice from the caller's Actor).
 */
export class VendorScope {
  private readonly kind = 'vendor' as const;
  readonly partnerId = null;

  constructor(readonly vendorId: string) {}
}

/**
 * One partner of one vendor. Both ids are always applied together, so even a partner id from
 * a request that was never checked cannot reach another vendor's rows.
 */
export class PartnerScope {
  private readonly kind = 'partner' as const;

  constructor(
    readonly vendorId: string,
    readonly partnerId: string,
  ) {}
}

export type TenantScope = VendorScope | PartnerScope;

export const isPartnerScope = (scope: TenantScope): scope is PartnerScope => scope.partnerId !== null;

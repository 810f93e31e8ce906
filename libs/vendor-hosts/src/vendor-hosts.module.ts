import { Module } from '@nestjs/common';
import { DeliveryModule } from '@tcma/delivery';
import { HostVendors } from './host-vendors.service';
import { VendorHostNamesRepository } from './vendor-host-names.repository';
import { VendorHostNamesService } from './vendor-host-names.service';

/** Vendors' own host names for their partner portals: claims, their DNS proof, and which vendor a host is. */
@Module({
  // DeliveryModule for its TXT resolver: the one the sending domain's DNS check uses (DNS_SERVERS).
  imports: [DeliveryModule],
  providers: [VendorHostNamesRepository, VendorHostNamesService, HostVendors],
  exports: [VendorHostNamesService, HostVendors],
})
export class VendorHostsModule {}

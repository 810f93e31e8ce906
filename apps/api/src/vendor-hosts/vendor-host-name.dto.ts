import { ApiProperty } from '@nestjs/swagger';
import { VENDOR_HOST_NAME_STATUSES, VendorHostNameRow, VendorHostNameStatus } from '@tcma/persistence';
import { challengeRecord, MAX_HOST_NAMES_PER_VENDOR } from '@tcma/vendor-hosts';
import { IsString, MaxLength } from 'class-validator';

export class ClaimHostNameDto {
  @ApiProperty({
    example: 'partners.vendor.example',
    description: `A DNS host name without scheme, path or port; not an IP address nor the engine's own host. At most ${MAX_HOST_NAMES_PER_VENDOR} per vendor.`,
  })
  @IsString()
  @MaxLength(300)
  host!: string;
}

export class HostNameTxtRecordDto {
  @ApiProperty({ enum: ['TXT'] }) type!: 'TXT';
  @ApiProperty({ example: '_tcma-challenge.partners.vendor.example' }) name!: string;
  @ApiProperty({ example: 'tcma-verify=Zk3…' }) value!: string;
}

export class VendorHostNameDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'partners.vendor.example' }) host!: string;
  @ApiProperty({
    enum: VENDOR_HOST_NAME_STATUSES,
    description: 'pending until a check finds the TXT record; verified: the host serves this vendor’s portal.',
  })
  status!: VendorHostNameStatus;
  @ApiProperty({ type: HostNameTxtRecordDto, description: 'The record to publish, then check.' })
  txtRecord!: HostNameTxtRecordDto;
  @ApiProperty({ nullable: true, type: Date }) checkedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) verifiedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'What the last check found instead of the record.' })
  lastError!: string | null;
  @ApiProperty() createdAt!: Date;

  static from(h: VendorHostNameRow): VendorHostNameDto {
    return {
      id: h.id,
      host: h.host,
      status: h.status,
      txtRecord: challengeRecord(h.host, h.verificationToken),
      checkedAt: h.checkedAt,
      verifiedAt: h.verifiedAt,
      lastError: h.lastError,
      createdAt: h.createdAt,
    };
  }
}

export class VendorHostNameListDto {
  @ApiProperty({ type: [VendorHostNameDto], description: `Oldest first; at most ${MAX_HOST_NAMES_PER_VENDOR}.` })
  items!: VendorHostNameDto[];
}

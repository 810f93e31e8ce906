import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATA_REQUEST_KINDS, DataRequestKind, DataRequestRow } from '@tcma/persistence';
import { DataErasure, DataExport } from '@tcma/pages';
import { IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';

export class DataRequestDto {
  @ApiProperty({ example: 'ewa@firma.example', maxLength: 254 })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Vendor users: only this partner's records (404 when it keeps its contacts private). Without it, every partner whose contacts the vendor sees. Partner users: always their own.",
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}

type Json = Record<string, unknown>;
const rows = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

export class HeldByPartnerDto {
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The prospect: address, names, company, custom fields…',
  })
  prospect!: Json;
  @ApiProperty({ ...rows, description: 'Consent evidence, oldest first.' }) consent!: Json[];
  @ApiProperty({ ...rows, description: 'Events (sent, opened, clicked, form_submitted…), oldest first.' })
  events!: Json[];
  @ApiProperty(rows) enrollments!: Json[];
  @ApiProperty(rows) sends!: Json[];
  @ApiProperty({ type: [String] }) lists!: string[];
  @ApiProperty(rows) leads!: Json[];
}

export class DataExportDto {
  @ApiProperty({ format: 'uuid', description: 'The record of this request.' }) requestId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() exportedAt!: Date;
  @ApiProperty({ type: [HeldByPartnerDto] }) partners!: HeldByPartnerDto[];
  @ApiProperty({
    ...rows,
    description: 'Suppressions of the address (kept on erasure: they keep it from being emailed again).',
  })
  suppressions!: Json[];

  static from(e: DataExport): DataExportDto {
    return JSON.parse(JSON.stringify(e)) as DataExportDto;
  }
}

export class ErasedDto {
  @ApiProperty() prospects!: number;
  @ApiProperty() consentRecords!: number;
  @ApiProperty() leads!: number;
  @ApiProperty({ description: 'Events kept for the counts, their personal fields (user agent) cleared.' })
  events!: number;
  @ApiProperty({ description: 'Enrollments removed with the prospect (with their sends; the events stay).' })
  enrollments!: number;
  @ApiProperty({ description: 'Webhook deliveries whose payload lost the person (prospect, fields).' })
  webhookDeliveries!: number;
  @ApiProperty({ description: 'Copies of mail to the address removed from the local outbox.' }) outboxMessages!: number;
  @ApiProperty({ description: "Rows naming the address taken out of imports' rejected-rows reports." })
  importReportRows!: number;
  @ApiProperty({
    description:
      "Finished imports' uploaded files naming the address, deleted now rather than by the stored-files sweep.",
  })
  importFiles!: number;
}

export class DataErasureDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ type: ErasedDto }) erased!: ErasedDto;

  static from(e: DataErasure): DataErasureDto {
    return { requestId: e.requestId, erased: { ...e.erased } };
  }
}

export class DataRequestRecordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "Null: a vendor user's request over every partner it sees.",
  })
  partnerId!: string | null;
  @ApiProperty({ enum: DATA_REQUEST_KINDS }) kind!: DataRequestKind;
  @ApiProperty({ description: 'SHA-256 (hex) of the lower-cased address: the record never keeps the address itself.' })
  emailHash!: string;
  @ApiProperty({ format: 'uuid' }) requestedBy!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) found!: Record<string, number>;
  @ApiProperty() createdAt!: Date;

  static from(r: DataRequestRow): DataRequestRecordDto {
    return {
      id: r.id,
      partnerId: r.partnerId,
      kind: r.kind,
      emailHash: r.emailHash,
      requestedBy: r.requestedBy,
      found: r.found,
      createdAt: r.createdAt,
    };
  }
}

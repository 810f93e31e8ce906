import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { Actor } from '@tcma/tenancy';
import { WebhooksService } from '@tcma/webhooks';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { RegisteredWebhookDto, RegisterWebhookDto, WebhookDeliveryDto, WebhookEndpointDto } from './webhook.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
// Reading endpoints and their logs: the vendor's admins and the partner's users; changing them: admins only.
@Roles('vendor_admin', 'partner_user')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Roles('vendor_admin', 'partner_admin')
  @ApiOperation({
    operationId: 'createWebhook',
    summary: "Register a vendor's or a partner's endpoint; its signing secret is shown once",
  })
  @ApiCreatedResponse({ type: RegisteredWebhookDto })
  async register(@CurrentActor() actor: Actor, @Body() dto: RegisterWebhookDto): Promise<RegisteredWebhookDto> {
    const { endpoint, secret } = await this.webhooks.register(actor, dto);
    return { ...WebhookEndpointDto.from(endpoint), secret };
  }

  @Get()
  @ApiOperation({ operationId: 'listWebhooks', summary: 'List webhook endpoints' })
  @ApiOkResponse({ type: PageDto(WebhookEndpointDto) })
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<WebhookEndpointDto>> {
    return pageOf(await this.webhooks.list(actor, query), query, (e) => WebhookEndpointDto.from(e));
  }

  @Delete(':id')
  @Roles('vendor_admin', 'partner_admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'deleteWebhook', summary: 'Remove an endpoint and its delivery log' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.webhooks.remove(actor, id);
  }

  @Post(':id/enable')
  @Roles('vendor_admin', 'partner_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'updateWebhookEnabled',
    summary: 'Enable an endpoint again after it was disabled for failing, and send what it missed',
  })
  @ApiOkResponse({ type: WebhookEndpointDto })
  async enable(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<WebhookEndpointDto> {
    return WebhookEndpointDto.from(await this.webhooks.enable(actor, id));
  }

  @Get(':id/deliveries')
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: "An endpoint's deliveries, newest first, each with its attempts",
  })
  @ApiOkResponse({ type: PageDto(WebhookDeliveryDto) })
  async deliveries(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    return pageOf(await this.webhooks.deliveries(actor, id, query), query, (d) => WebhookDeliveryDto.from(d));
  }

  @Post('deliveries/:deliveryId/replay')
  @Roles('vendor_admin', 'partner_admin')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ operationId: 'replayWebhookDelivery', summary: 'Send a delivery again, with the same webhook-id' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  async replay(
    @CurrentActor() actor: Actor,
    @Param('deliveryId', ParseIdPipe) id: string,
  ): Promise<WebhookDeliveryDto> {
    return WebhookDeliveryDto.from(await this.webhooks.replay(actor, id));
  }
}

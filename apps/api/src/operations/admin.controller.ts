import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { OperatorBacklog, OperatorBacklogService } from '@tcma/operations';

/**
 * The instance operator's view of the Postgres backlog, linked from the queue dashboard's
 * header. Not a user's endpoint (not in the API document): OperatorOnlyMiddleware answers 404
 * to anyone else before this is reached, so Nest's guard has nothing left to check.
 */
@ApiExcludeController()
@Public()
@Controller('admin/backlog')
export class AdminBacklogController {
  constructor(private readonly backlog: OperatorBacklogService) {}

  @Get()
  get(): Promise<OperatorBacklog> {
    return this.backlog.backlogForOperator();
  }
}

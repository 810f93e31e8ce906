import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuthModule, InstanceOperatorCheck } from '@tcma/auth';
import type { NextFunction, Request, Response } from 'express';
import { OperationsModule } from '@tcma/operations';
import { ALL_QUEUES } from '@tcma/queue';
import { AdminBacklogController } from './admin.controller';
import { OperatorOnlyMiddleware } from './operator-only.middleware';
import { QUEUE_DASHBOARD_CSP } from './queue-dashboard-csp';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const BACKLOG_PATH = '/admin/backlog';

/**
 * The middleware as the plain function bull-board's module applies; past the gate, the
 * dashboard's own Content-Security-Policy replaces the API's default (helmet's, set earlier).
 */
const gateOf = (gate: OperatorOnlyMiddleware) => (req: Request, res: Response, next: NextFunction) =>
  gate.use(req, res, (e?: unknown) => {
    if (e) return next(e);
    res.setHeader('Content-Security-Policy', QUEUE_DASHBOARD_CSP);
    next();
  });

/**
 * The instance operator's tools: bull-board's queue dashboard at /admin/queues and the
 * Postgres backlog beside it (a link in the dashboard's header). Read-only: the sweep and the
 * send ledger decide what runs, and a browser session's unsafe requests would need the CSRF
 * header bull-board does not send.
 */
@Module({
  imports: [
    AuthModule,
    OperationsModule,
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [InstanceOperatorCheck],
      useFactory: (operator: InstanceOperatorCheck) => ({
        route: QUEUE_DASHBOARD_PATH,
        adapter: ExpressAdapter,
        middleware: gateOf(new OperatorOnlyMiddleware(operator)),
        boardOptions: {
          uiConfig: {
            boardTitle: 'TCMA queues',
            miscLinks: [{ text: 'Postgres backlog (due, unsent)', url: BACKLOG_PATH }],
          },
        },
      }),
    }),
    BullBoardModule.forFeature(
      ...ALL_QUEUES.map((name) => ({ name, adapter: BullMQAdapter, options: { readOnlyMode: true } })),
    ),
  ],
  controllers: [AdminBacklogController],
  providers: [OperatorOnlyMiddleware],
  exports: [OperatorOnlyMiddleware],
})
export class AdminModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(OperatorOnlyMiddleware).forRoutes(BACKLOG_PATH);
  }
}

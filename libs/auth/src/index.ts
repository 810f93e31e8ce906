export { CurrentActor, MARKETING_ROLES, OptionalActor, OptionalAuth, Public, Roles } from './auth.decorators';
export { AuthModule } from './auth.module';
export { readCookie, SessionCookie } from './session-cookie';
export { InstanceOperatorCheck } from './instance-operator';
export { requestHost } from './request-host';

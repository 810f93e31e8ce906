export { CurrentActor, Public, Roles } from './auth.decorators';
export { AuthModule } from './auth.module';
export type { CredentialResolver } from './credential-resolver';
export { CSRF_HEADER, SessionCookie } from './session-cookie';
export { InstanceOperatorCheck, isInstanceOperator } from './instance-operator';

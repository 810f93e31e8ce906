export { AccountsModule } from './accounts.module';
export { InvitationsService } from './invitations.service';
export type { AcceptInvitationInput, InvitationPreview, InviteInput } from './invitations.service';
export { PasswordResetsService } from './password-resets.service';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords';
export { SessionsService, SIGN_IN_FAILED, SIGN_IN_THROTTLED } from './sessions.service';
export type { SignedIn, SignInContext, SignInInput } from './sessions.service';
export { ACTING_FOR_HEADER, ConciergeService } from './concierge.service';
export { PasswordLinks, PasswordLinksModule } from './password-links';

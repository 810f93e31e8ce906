export { AccountsModule } from './accounts.module';
export { InvitationsService } from './invitations.service';
export type { InvitationPreview } from './invitations.service';
export { PasswordResetsService } from './password-resets.service';
export { SessionsService, SIGN_IN_FAILED, SIGN_IN_THROTTLED } from './sessions.service';
export { ACTING_FOR_HEADER, ConciergeService } from './concierge.service';
export type { ConciergeAccessEntry } from './concierge.repository';
export { PasswordLinks, PasswordLinksModule } from './password-links';

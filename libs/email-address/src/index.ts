export { FORBIDDEN_CHARACTERS, FORBIDDEN_CHARACTERS_MESSAGE } from './checked-line';
export { headerSafeName, normalizeDisplayName } from './display-name';
export { EMAIL_MAX_LENGTH, emailLower, normalizeEmailAddress } from './email-address';

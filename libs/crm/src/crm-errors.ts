/** A CRM call that failed, by what the caller should do about it. */
export class CrmError extends Error {}

/** 401: the grant is gone; the connection breaks and its owner is told. */
export class CrmUnauthorized extends CrmError {}

/** 429 (HubSpot) or REQUEST_LIMIT_EXCEEDED (Salesforce): wait as long as the CRM says. */
export class CrmRateLimited extends CrmError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** Another 4xx: the CRM refused this record; trying again changes nothing until someone acts. */
export class CrmRejected extends CrmError {}

/** Not reached, or a 5xx on a call that writes nothing: try again later. */
export class CrmUnavailable extends CrmError {}

/** No answer to a call that writes: it may have happened, so the next try searches before writing. */
export class CrmMaybeWritten extends CrmError {}

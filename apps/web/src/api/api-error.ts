/** One problem with a field of the request, as the API reports it (`errors: [{ path, message }]`). */
export interface FieldProblem {
  path: string;
  message: string;
  /** 1-based line inside a template (MJML, subject), when the problem is in one. */
  line?: number;
  /** A machine-readable kind, when the API gives one (`language_incomplete`): the browser words those itself. */
  code?: string;
}

/** A failed API call, with the API's own message and field problems when it sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problems: FieldProblem[];
  readonly requestId: string | undefined;

  constructor(response: Response, body: unknown) {
    const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    super(
      typeof b.message === 'string'
        ? b.message
        : `The engine answered ${response.status} ${response.statusText}`.trim(),
    );
    this.name = 'ApiError';
    this.status = response.status;
    this.problems = Array.isArray(b.errors)
      ? (b.errors as FieldProblem[]).filter((p) => typeof p?.path === 'string' && typeof p?.message === 'string')
      : [];
    this.requestId = typeof b.requestId === 'string' ? b.requestId : undefined;
  }

  /** A refusal the API reports inside a successful answer (a dry run's `problems`), shown as its 422 would be. */
  static refusal(problems: FieldProblem[]): ApiError {
    const message = problems.map((p) => p.message).join(' · ');
    return new ApiError(new Response(null, { status: 422 }), { message, errors: problems });
  }
}

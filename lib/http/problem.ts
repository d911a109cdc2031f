// One typed error for the whole app, and its mapping to RFC 9457 application/problem+json.

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export type ProblemCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "service_unavailable"
  | "internal";

const catalogue: Record<ProblemCode, { status: number; title: string }> = {
  bad_request: { status: 400, title: "The request is not valid" },
  unauthorized: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Not allowed" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "The request is too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  rate_limited: { status: 429, title: "Too many requests" },
  service_unavailable: { status: 503, title: "Service unavailable" },
  internal: { status: 500, title: "Something went wrong on our side" },
};

export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? catalogue[code].title);
    this.name = "AppError";
  }

  get status(): number {
    return catalogue[this.code].status;
  }

  toProblem(instance?: string): ProblemDetails {
    const { status, title } = catalogue[this.code];
    return {
      type: `https://genuine.dev/problems/${this.code.replaceAll("_", "-")}`,
      title,
      status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}

export function problemResponse(error: unknown, instance?: string): Response {
  const appError = error instanceof AppError ? error : new AppError("internal");
  if (!(error instanceof AppError)) {
    // Internal errors are logged for operators and never shown to clients.
    console.error("genuine: unhandled error", error);
  }
  return new Response(JSON.stringify(appError.toProblem(instance)), {
    status: appError.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...appError.headers },
  });
}

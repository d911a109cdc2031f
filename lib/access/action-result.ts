// What a server action answers its form: success with a message (and, once, a secret such as a new
// API key or an invitation link), or failure with a message and per-field errors.

export type ActionResult =
  | { ok: true; message: string; secret?: { label: string; value: string } }
  | { ok: false; status: number; message: string; fieldErrors?: Record<string, string> };

export const actionDenied: Record<401 | 403 | 404, ActionResult> = {
  401: { ok: false, status: 401, message: "Your session has ended. Sign in again." },
  403: { ok: false, status: 403, message: "Your role does not allow this." },
  404: { ok: false, status: 404, message: "Not found." },
};

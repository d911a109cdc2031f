import { describe, expect, it, vi } from "vitest";
import { AppError, problemResponse } from "./problem";

describe("problem responses (RFC 9457)", () => {
  it("maps a typed error to its status, with the detail and extensions", async () => {
    const response = problemResponse(new AppError("service_unavailable", "database down", { database: "postgres" }), "/api/health");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({
      type: "https://genuine.dev/problems/service-unavailable",
      title: "Service unavailable",
      status: 503,
      detail: "database down",
      instance: "/api/health",
      database: "postgres",
    });
  });

  it("never shows an unexpected error's message to the client", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = problemResponse(new Error("password=hunter2 at db.internal"));
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(body).not.toContain("hunter2");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

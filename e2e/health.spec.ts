import { expect, test } from "@playwright/test";

test("health reports the embedded database and its migration", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "pglite", migrations: expect.stringMatching(/^\d{4}_/) });
});

test("the same build runs on PostgreSQL with DATABASE_URL", async ({ request }, testInfo) => {
  const base = testInfo.config.metadata.postgresBaseUrl as string | undefined;
  test.skip(!base, "E2E_DATABASE_URL not set: no PostgreSQL server for this run");
  const health = await request.get(`${base}/api/health`);
  expect(await health.json()).toMatchObject({ status: "ok", database: "postgres" });
  const home = await request.get(`${base}/`);
  expect(home.status()).toBe(200);
  expect(await home.text()).toContain("/01/09521234001010/10/LN2406/21/LN8Q4Z7T2V");
});

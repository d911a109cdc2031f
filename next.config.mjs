/** @type {import('next').NextConfig} */
const nextConfig = {
  // The database drivers load WASM (PGlite) or open sockets (postgres.js, Neon's WebSocket pool):
  // they must be required from node_modules at run time, not bundled into server chunks.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "@neondatabase/serverless", "ws"],
  poweredByHeader: false,
  // forbidden() answers 403 with app/forbidden.tsx when a role lacks a permission.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // Migrations are read from the project folder at run time; ship them with standalone output too.
  outputFileTracingIncludes: { "/*": ["./db/migrations/**/*"] },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(self), geolocation=(self), microphone=()" },
        ],
      },
    ];
  },
};

export default nextConfig;

// Prisma config for the bridge test fixture (scripts/prisma-bridge.test.mjs sets the URL).
import { defineConfig, env } from "prisma/config";

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: env("BRIDGE_TEST_DATABASE_URL") },
});

import { defineConfig } from "prisma/config";

// `prisma generate` needs no database, but Prisma 7 reads the URL from here for every command;
// npm start and npm test set DATABASE_URL before they run a command that connects.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/readout_unset",
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});

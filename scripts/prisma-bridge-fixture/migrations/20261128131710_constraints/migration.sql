-- Hand-written: constraints the Prisma schema cannot express. Describing the database then makes
-- the engine read pg_constraint.contype, of Postgres' `"char"` type, which it requires as a
-- character value (a text value made it panic, and migrate dev/diff then reported nothing).
ALTER TABLE "Author" ADD CONSTRAINT "Author_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "Note" ADD CONSTRAINT "Note_one_body_per_author" EXCLUDE USING btree ("authorId" WITH =, "body" WITH =);

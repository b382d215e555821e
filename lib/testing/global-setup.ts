import { assertLocalDatabase } from "./assert-local-database";

export default function setup() {
  assertLocalDatabase(process.env.DATABASE_URL);
}

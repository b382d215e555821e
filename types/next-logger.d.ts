// next-logger ships no types; it is imported only for its side effect (patching Next.js and console logging).
declare module "next-logger";

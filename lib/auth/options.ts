import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cachedDecode } from "@/lib/auth/jwt-cache";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { authenticate, signInAddress, CODE_NEEDED, CODE_WRONG } from "@/lib/domain/users/authenticate";

const EIGHT_HOURS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  // The secret is read by next-auth from NEXTAUTH_SECRET; next.config.js has validated it.
  session: { strategy: "jwt", maxAge: EIGHT_HOURS, updateAge: 15 * 60 },
  jwt: { decode: cachedDecode },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Authenticator code", type: "text" } },
      async authorize(credentials, req) {
        // The address the nearest proxy saw (the last X-Forwarded-For entry). Unknown: limited per account only.
        const ip = signInAddress(req?.headers?.["x-forwarded-for"]);
        let user;
        try {
          user = await authenticate(credentials, ip);
        } catch (error) {
          // next-auth hands the message to the sign-in form as result.error: only ours, never a driver's.
          if (isAppError(error) && (error.code === "RATE_LIMITED" || error.message === CODE_NEEDED || error.message === CODE_WRONG)) throw new Error(error.message);
          logger.error({ err: error instanceof Error ? error.message : String(error) }, "sign-in failed");
          throw new Error("Sign-in is not available right now. Try again in a moment.");
        }
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, mfa: user.mfa } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        // A new token at every sign-in (rotation); its times drive the idle and absolute timeouts (lib/auth/session-timeouts.ts).
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
        token.signedInAt = token.seen = Math.floor(Date.now() / 1000);
        // Whether this sign-in checked an authenticator code.
        token.mfa = (user as { mfa?: boolean }).mfa === true;
      }
      return token;
    },
    session({ session, token }) {
      // The timeouts are also checked by getCurrentUser, behind the request gate (lib/request-gate.ts).
      return { ...session, uid: token.uid, sv: token.sv, signedInAt: token.signedInAt, seen: token.seen, mfa: token.mfa };
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** Seconds since the epoch: sign-in, and the last request (moved on by lib/request-gate.ts). */
    signedInAt?: number;
    seen?: number;
    /** The sign-in checked an authenticator code. */
    mfa?: boolean;
  }
}

"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/http/safe-redirect";

export interface SignInState {
  error: string | null;
}

export async function passwordSignIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeReturnPath(form.get("callbackUrl")),
    });
    return { error: null };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "rate_limited") return { error: "Too many sign-in attempts. Wait a few minutes and try again." };
      if (error.type === "CredentialsSignin") return { error: "The e-mail address or password is not right." };
      return { error: "Sign-in failed. Please try again." };
    }
    throw error; // the redirect after a successful sign-in travels as an error
  }
}

export async function ssoSignIn(form: FormData) {
  await signIn("oidc", { redirectTo: safeReturnPath(form.get("callbackUrl")) });
}

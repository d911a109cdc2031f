// The signed-in person for this request: the session decoded once (auth() is cached per request),
// then the user row, so a disabled account is out at once.
import { cache } from "react";
import { findUserById } from "@/db/queries/users";
import { auth } from "@/lib/auth/auth";
import { getDatabase } from "@/lib/runtime/app-database";

export const currentUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById((await getDatabase()).db, id);
  return user && !user.disabledAt ? user : null;
});

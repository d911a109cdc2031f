// A PGlite folder belongs to one process: a second one (a CLI beside the running server, a test
// runner beside `npm run dev`) would corrupt it. A lock file with the owner's pid says so clearly.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class DataFolderInUseError extends Error {
  constructor(folder: string, pid: number) {
    super(
      `The embedded database in ${folder} is in use by another process (pid ${pid}). ` +
        `Stop that process (e.g. the running dev server) or point DATA_DIR at another folder.`,
    );
    this.name = "DataFolderInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Take the folder's lock or throw DataFolderInUseError; returns the release function. */
export function acquireFolderLock(folder: string): () => void {
  const file = path.join(folder, "genuine.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        process.off("exit", release);
        rmSync(file, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataFolderInUseError(folder, owner);
      }
      // A stale lock left by a process that died: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${folder}`);
}

// Durable scan recording. The resolver answers first and hands the scan to this writer (from Next's
// after()); the writer batches scans into one statement, and when the database fails it appends the
// batch to a spool file on local disk and retries it from there with backoff — across restarts too. A
// scan acknowledged to the writer is therefore written once the database is back, and never twice
// (batches are idempotent by each scan's ref).
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import type { NewScan } from "@/db/queries/scans";

export interface ScanWriterOptions {
  /** Write one batch; throws when the database is unavailable. */
  write: (batch: readonly NewScan[]) => Promise<unknown>;
  /** JSON-lines file that holds batches the database refused (default: none — memory only). */
  spoolFile?: string;
  maxBatch?: number;
  /** How long a lone scan may wait for company before its batch is written. */
  lingerMs?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  onError?: (error: unknown, pending: number) => void;
}

export class ScanWriter {
  private readonly queue: NewScan[] = [];
  private readonly write: ScanWriterOptions["write"];
  private readonly spoolFile: string | undefined;
  private readonly maxBatch: number;
  private readonly lingerMs: number;
  private readonly retryInitialMs: number;
  private readonly retryMaxMs: number;
  private readonly onError: ScanWriterOptions["onError"];
  private timer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private running: Promise<void> | null = null;
  /** Scans held in memory when there is no spool file and the database is down. */
  private readonly held: NewScan[] = [];
  private spooled = 0;
  written = 0;

  constructor(options: ScanWriterOptions) {
    this.write = options.write;
    this.spoolFile = options.spoolFile;
    this.maxBatch = options.maxBatch ?? 500;
    this.lingerMs = options.lingerMs ?? 25;
    this.retryInitialMs = options.retryInitialMs ?? 250;
    this.retryMaxMs = options.retryMaxMs ?? 30_000;
    this.retryDelay = this.retryInitialMs;
    this.onError = options.onError;
    // Batches left by an earlier process (a crash while the database was down) are retried now.
    if (this.spoolFile && (existsSync(this.spoolFile) || existsSync(this.drainingFile()))) this.scheduleRetry(0);
  }

  /** Hand over a scan; it is written shortly, in a batch with others. */
  enqueue(scan: NewScan): void {
    this.queue.push(scan);
    if (this.queue.length >= this.maxBatch) this.kick(0);
    else this.kick(this.lingerMs);
  }

  /** Scans not yet in the database (queued, spooled or held). */
  pending(): number {
    return this.queue.length + this.held.length + this.spooled;
  }

  /** Write everything queued now; resolves when the attempt ends (spooled scans may remain). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    this.running = this.drainQueue().finally(() => (this.running = null));
    await this.running;
  }

  /** Retry spooled and held scans now (tests, and shutdown). */
  async retryNow(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.retrySpooled();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = null;
  }

  private kick(delay: number) {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
    this.timer.unref?.();
  }

  private async drainQueue(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.write(batch);
        this.written += batch.length;
        this.retryDelay = this.retryInitialMs;
      } catch (error) {
        this.keep(batch);
        this.onError?.(error, this.pending());
        this.scheduleRetry(this.retryDelay);
      }
    }
  }

  /** Park a failed batch: on disk when there is a spool file, else in memory. */
  private keep(batch: readonly NewScan[]) {
    if (!this.spoolFile) {
      this.held.push(...batch);
      return;
    }
    appendFileSync(this.spoolFile, batch.map((s) => JSON.stringify(s)).join("\n") + "\n");
    this.spooled += batch.length;
  }

  private drainingFile() {
    return `${this.spoolFile}.draining`;
  }

  private scheduleRetry(delay: number) {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.retrySpooled();
    }, delay);
    this.retryTimer.unref?.();
  }

  private takeParked(): NewScan[] {
    const parked = this.held.splice(0);
    if (!this.spoolFile) return parked;
    // Move the spool aside first: batches failing meanwhile start a new spool file.
    const draining = this.drainingFile();
    if (!existsSync(draining) && existsSync(this.spoolFile)) renameSync(this.spoolFile, draining);
    if (!existsSync(draining)) return parked;
    const lines = readFileSync(draining, "utf8").split("\n").filter((line) => line.trim() !== "");
    for (const line of lines) {
      try {
        parked.push(JSON.parse(line) as NewScan);
      } catch {
        // A line cut short by a crash mid-append: the rest of the file is still good.
      }
    }
    return parked;
  }

  private async retrySpooled(): Promise<void> {
    const parked = this.takeParked();
    this.spooled = 0;
    if (parked.length === 0) return;
    let i = 0;
    try {
      for (; i < parked.length; i += this.maxBatch) {
        const batch = parked.slice(i, i + this.maxBatch);
        await this.write(batch);
        this.written += batch.length;
      }
      this.retryDelay = this.retryInitialMs;
    } catch (error) {
      this.keep(parked.slice(i));
      this.retryDelay = Math.min(this.retryDelay * 2, this.retryMaxMs);
      this.onError?.(error, this.pending());
      this.scheduleRetry(this.retryDelay);
    } finally {
      // Everything not written is back in the spool (or held): the moved-aside file is done with.
      if (this.spoolFile) rmSync(this.drainingFile(), { force: true });
    }
  }
}

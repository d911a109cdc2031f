// The error collector shared by the structural and semantic checks.
import type { EpcisError } from "./types";

export class CheckContext {
  readonly errors: EpcisError[] = [];
  eventIndex: number | undefined = undefined;

  constructor(private readonly limit = 100) {}

  report(pointer: string, message: string): void {
    // A hostile document could produce millions of faults; the caller needs the first few, not all.
    if (this.errors.length >= this.limit) return;
    this.errors.push(this.eventIndex === undefined ? { pointer, message } : { eventIndex: this.eventIndex, pointer, message });
  }

  get full(): boolean {
    return this.errors.length >= this.limit;
  }
}

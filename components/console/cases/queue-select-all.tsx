"use client";
// The queue's selection, read from the rows' checkboxes (which belong to the bulk form by its id):
// a live count for the bulk bar, and a "select every case on this page" header checkbox that exists
// only once JavaScript runs — without it, rows are ticked one by one.
import { useEffect, useRef, useState } from "react";
import styles from "./queue.module.css";

function rowBoxes(form: string): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${form}"][name^="case:"]`)];
}

/** How many rows are ticked, of how many; null before JavaScript runs. */
export function useQueueSelection(form: string): { ticked: number; total: number } | null {
  const [selection, setSelection] = useState<{ ticked: number; total: number } | null>(null);
  useEffect(() => {
    const recount = () => {
      const boxes = rowBoxes(form);
      setSelection({ ticked: boxes.filter((b) => b.checked).length, total: boxes.length });
    };
    // The bulk form's reset (after a successful action) clears the boxes after the event.
    const afterReset = () => setTimeout(recount);
    recount();
    document.addEventListener("change", recount);
    document.addEventListener("queue-selection", recount);
    document.addEventListener("reset", afterReset, true);
    return () => {
      document.removeEventListener("change", recount);
      document.removeEventListener("queue-selection", recount);
      document.removeEventListener("reset", afterReset, true);
    };
  }, [form]);
  return selection;
}

export function QueueSelectAll({ form }: { form: string }) {
  const selection = useQueueSelection(form);
  const box = useRef<HTMLInputElement>(null);
  const some = selection !== null && selection.ticked > 0 && selection.ticked < selection.total;
  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);

  if (selection === null) return <span className="visually-hidden">Select</span>;
  return (
    <input
      ref={box}
      type="checkbox"
      className={styles.select}
      aria-label="Select every case on this page"
      checked={selection.total > 0 && selection.ticked === selection.total}
      disabled={selection.total === 0}
      onChange={(e) => {
        for (const b of rowBoxes(form)) b.checked = e.target.checked;
        document.dispatchEvent(new Event("queue-selection"));
      }}
    />
  );
}

"use client";
// A group of checkboxes folded into one comma-separated hidden field, so a server action receives a
// single list (API-key scopes, webhook events).
import { useState } from "react";

export function CheckboxListField({ name, legend, options }: { name: string; legend: string; options: readonly string[] }) {
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <fieldset>
      <legend>{legend}</legend>
      <input type="hidden" name={name} value={chosen.join(",")} />
      {options.map((option) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            value={option}
            checked={chosen.includes(option)}
            onChange={(e) => setChosen((c) => (e.target.checked ? [...c, option] : c.filter((x) => x !== option)))}
          />
          <code>{option}</code>
        </label>
      ))}
    </fieldset>
  );
}

"use client";
// Scope checkboxes folded into one "scopes" field, so the server action receives a single list.
import { useState } from "react";
import { apiScopes } from "@/lib/api-keys/scopes";

export function ScopeFieldset() {
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <fieldset>
      <legend>Scopes</legend>
      <input type="hidden" name="scopes" value={chosen.join(",")} />
      {apiScopes.map((scope) => (
        <label key={scope} className="checkbox">
          <input
            type="checkbox"
            value={scope}
            checked={chosen.includes(scope)}
            onChange={(e) => setChosen((c) => (e.target.checked ? [...c, scope] : c.filter((s) => s !== scope)))}
          />
          <code>{scope}</code>
        </label>
      ))}
    </fieldset>
  );
}

"use client";
// Event checkboxes folded into one "events" field for the server action.
import { useState } from "react";
import { webhookEvents } from "@/db/schema/enums";

export function EventFieldset() {
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <fieldset>
      <legend>Events</legend>
      <input type="hidden" name="events" value={chosen.join(",")} />
      {webhookEvents.map((event) => (
        <label key={event} className="checkbox">
          <input
            type="checkbox"
            value={event}
            checked={chosen.includes(event)}
            onChange={(e) => setChosen((c) => (e.target.checked ? [...c, event] : c.filter((x) => x !== event)))}
          />
          <code>{event}</code>
        </label>
      ))}
    </fieldset>
  );
}

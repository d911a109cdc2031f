// "Share my precise location": the page's only script. The section is hidden until the script finds
// navigator.geolocation, so a visitor without JavaScript never sees a button that cannot work.
import type { Messages } from "@/lib/i18n/messages";

/**
 * Plain JavaScript, inlined with the request's CSP nonce: a React runtime for one button would cost the
 * page ~130 KB. It asks for the position only when the button is pressed, then posts it once.
 */
export const LOCATION_SCRIPT = `(function(){var b=document.getElementById("share-location");if(!b||!navigator.geolocation||!window.fetch)return;var s=document.getElementById("location-status"),d=b.dataset;document.getElementById("location").hidden=false;function say(t,again){s.textContent=t;b.disabled=!again}b.addEventListener("click",function(){say(d.sending,false);navigator.geolocation.getCurrentPosition(function(p){fetch("/api/scans/location",{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify({ref:d.ref,latitude:p.coords.latitude,longitude:p.coords.longitude,accuracy:p.coords.accuracy})}).then(function(r){r.ok?say(d.sent,false):say(d.failed,true)},function(){say(d.failed,true)})},function(e){say(e.code===1?d.denied:d.failed,true)},{enableHighAccuracy:true,timeout:20000,maximumAge:60000})})})();`;

export function LocationShare({ scanRef, messages }: { scanRef: string; messages: Messages }) {
  const m = messages.location;
  return (
    <section id="location" aria-labelledby="location-heading" hidden>
      <h2 id="location-heading">{m.heading}</h2>
      <p>{m.explain}</p>
      <button
        type="button"
        id="share-location"
        data-ref={scanRef}
        data-sending={m.sending}
        data-sent={m.sent}
        data-denied={m.denied}
        data-failed={m.failed}
      >
        {m.button}
      </button>
      {/* A live region without role="status": the verdict stays the page's one status. */}
      <p id="location-status" aria-live="polite" />
    </section>
  );
}

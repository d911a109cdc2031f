// The verification page's whole stylesheet, inlined in its <head>: no request blocks the first paint.
// Same design tokens as app/globals.css; logical properties throughout so Arabic mirrors by itself.
// Every text colour below is ≥ 4.5:1 on its background.
export const verificationStyles = `
:root{--ink:#14201b;--soft:#4a5a53;--paper:#fff;--wash:#f3f6f4;--line:#d6ded9;--brand:#0b6e4f;--focus:#1a5fb4;--radius:12px;color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans SC","PingFang SC","Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.55;color:var(--ink);background:var(--paper)}
a{color:var(--brand);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:4px}
h1,h2,h3{line-height:1.25;margin:0 0 .5em}
h1{font-size:1.75rem}
h2{font-size:1.3rem}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.95em;overflow-wrap:anywhere}
.skip-link{position:absolute;inset-inline-start:.5rem;top:-5rem;background:var(--ink);color:var(--paper);padding:.75rem 1rem;border-radius:6px;z-index:10}
.skip-link:focus{top:.5rem}
.bar{border-bottom:1px solid var(--line)}
.bar-inner,.page,.foot-inner{max-width:40rem;margin:0 auto;padding-inline:1rem}
.bar-inner{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem .75rem;padding-block:.25rem}
.logo{display:inline-flex;align-items:center;gap:.4rem;min-height:44px;font-weight:700;font-size:1.15rem;color:var(--ink);text-decoration:none}
.langs ul{display:flex;flex-wrap:wrap;gap:0 .15rem;list-style:none;margin:0;padding:0}
.langs a{display:inline-flex;align-items:center;min-height:44px;min-width:44px;justify-content:center;padding-inline:.4rem;font-size:.95rem}
.langs a[aria-current]{font-weight:700;color:var(--ink);text-decoration:none;box-shadow:inset 0 -3px 0 var(--brand)}
main{display:block;padding-bottom:2rem}
.page{padding-top:1rem}
section{margin-top:2rem}
.verdict{display:grid;grid-template-columns:auto 1fr;gap:.25rem .9rem;align-items:start;margin-top:.5rem;padding:1rem 1.1rem;border:2px solid;border-radius:var(--radius)}
.verdict svg{width:2.75rem;height:2.75rem;grid-row:1/span 9}
.verdict>:not(svg){grid-column:2}
.verdict h1{margin:0;font-size:1.75rem}
.verdict p{margin:0}
.verdict .advice{font-weight:600}
.v-genuine{background:#e6f4ee;border-color:#0b6e4f;color:#0b4532}
.v-caution{background:#fff4dc;border-color:#8a5a00;color:#5c3c00}
.v-expired{background:#fdf0e6;border-color:#9a4400;color:#6b2f00}
.v-suspect{background:#fdeceb;border-color:#b3261e;color:#7d1a14}
.v-counterfeit{background:#fbe1e1;border-color:#a4161a;color:#700c10}
.v-recalled{background:#f4eafb;border-color:#6a1b9a;color:#4a126b}
.v-none{background:var(--wash);border-color:var(--line)}
.recall{margin-top:1rem;padding:.9rem 1rem;border-inline-start:6px solid #a4161a;background:#fdeceb;border-radius:var(--radius)}
.recall h2{font-size:1.2rem}
.recall .recall-label{margin:0;font-weight:700;font-size:.9rem;letter-spacing:.04em;color:#700c10}
.recall p{margin:.35rem 0}
.brand{color:var(--soft);margin:0}
.product-name{font-size:1.4rem}
.product img{display:block;max-width:100%;height:auto;margin-block:.5rem;border-radius:var(--radius);background:var(--wash)}
.facts{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.35rem 1rem;margin:.75rem 0 0}
.facts dt{color:var(--soft)}
.facts dd{margin:0;overflow-wrap:anywhere}
.timeline{list-style:none;padding:0;margin:0;border-inline-start:2px solid var(--line)}
.timeline li{position:relative;padding-block-end:.9rem;padding-inline-start:1.1rem}
.timeline li::before{content:"";position:absolute;inset-inline-start:-7px;top:.45rem;width:12px;height:12px;border-radius:50%;background:var(--brand)}
.timeline time{display:block;color:var(--soft);font-size:.95rem}
.prose h3{font-size:1.1rem;margin-top:1rem}
.links{list-style:none;padding:0;margin:0}
.links a{display:flex;align-items:center;min-height:44px;padding-block:.25rem;overflow-wrap:anywhere}
.panel{padding:1rem 1.1rem;border:1px solid var(--line);border-radius:var(--radius);background:var(--wash)}
.field{display:grid;grid-template-columns:minmax(0,1fr);gap:.25rem;margin-bottom:1rem}
.field label{font-weight:600}
.hint{color:var(--soft);font-size:.95rem;margin:0}
input,textarea,button{font:inherit;color:inherit}
input[type=text],input[type=email],textarea{width:100%;min-height:44px;padding:.55rem .7rem;border:1px solid #6b7a73;border-radius:8px;background:var(--paper)}
input[type=file]{min-height:44px;max-width:100%}
textarea{resize:vertical}
button{min-height:44px;padding:.6rem 1.2rem;border:0;border-radius:8px;background:var(--brand);color:#fff;font-weight:600;cursor:pointer}
button:disabled{opacity:.7;cursor:progress}
.ok{padding:.75rem 1rem;border-radius:8px;background:#e6f4ee;color:#0b4532;font-weight:600}
.error{padding:.75rem 1rem;border-radius:8px;background:#fdeceb;color:#7d1a14;font-weight:600}
.hp{display:none}
.privacy ul{padding-inline-start:1.25rem;margin:.5rem 0 0}
.privacy summary{min-height:44px;display:flex;align-items:center;cursor:pointer;color:var(--brand);text-decoration:underline}
.foot{border-top:1px solid var(--line);padding-block:1.25rem;color:var(--soft);font-size:.95rem}
[hidden]{display:none!important}
@media (max-width:29.99rem){.facts{grid-template-columns:minmax(0,1fr);gap:0}.facts dd{margin-bottom:.5rem}}
@media (min-width:40rem){h1,.verdict h1{font-size:2.1rem}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

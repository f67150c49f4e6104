// Small helpers shared by the page's modules.

export const $ = (sel, root = document) => root.querySelector(sel);

/** An element with attributes and children (strings become text, never HTML). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c != null) e.append(c);
  return e;
}

/** Seconds as "45 s", "3 min 5 s", "1 h 2 min". */
export function fmtSeconds(s) {
  if (s == null || !isFinite(s)) return "";
  s = Math.round(s);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** A rough time left: "about 40 s", "about 3 min". */
export function fmtLeft(s) {
  if (s == null || !isFinite(s)) return "";
  if (s < 60) return `about ${Math.max(5, Math.round(s / 5) * 5)} s left`;
  if (s < 3600) return `about ${Math.round(s / 60)} min left`;
  return `about ${(s / 3600).toFixed(1)} h left`;
}

export function fmtBytes(n) {
  if (n == null) return "";
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function fmtTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function fmtLoss(v) {
  return v == null ? "–" : Number(v).toPrecision(3);
}

/** Iterations per second over the last points of a history [{iteration, elapsed}]. */
export function rate(history, window = 20) {
  const pts = history.filter((h) => h.elapsed != null);
  if (pts.length < 2) return null;
  const a = pts[Math.max(0, pts.length - 1 - window)], b = pts[pts.length - 1];
  const dt = b.elapsed - a.elapsed;
  return dt > 0 ? (b.iteration - a.iteration) / dt : null;
}

export const FINISHED = ["done", "failed", "cancelled"];

/** Connection state, shown in one banner for every part of the page. */
const lost = new Set();
export function connection(part, ok) {
  if (ok) lost.delete(part); else lost.add(part);
  const banner = $("#connection");
  banner.hidden = lost.size === 0;
  document.body.classList.toggle("offline", lost.size > 0); // what the page shows may be stale
  banner.textContent = lost.size === 0 ? "" :
    "Lost the connection to the server: is it still running? Retrying… (what the page shows may be out of date)";
}

/** fetch that reports an unreachable server in the banner. */
export async function call(url, options) {
  try {
    const r = await fetch(url, options);
    connection("fetch", true);
    return r;
  } catch (e) {
    connection("fetch", false);
    throw e;
  }
}

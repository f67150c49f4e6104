// The loss chart: iteration on x, loss on a log-scale y axis with a tick at every decade, one
// line per term in loss.png's colours (output/LossPlot.java: total, content, style, tv), a legend
// with the latest values. The x axis starts at the first recorded iteration.
import { fmtLoss } from "./util.js";

export const SERIES = [
  ["total", "#1f77b4"],
  ["content", "#d62728"],
  ["style", "#2ca02c"],
  ["tv", "#ff7f0e"],
];
const NS = "http://www.w3.org/2000/svg";

function niceStep(range, maxTicks) {
  const raw = range / Math.max(1, maxTicks);
  if (!(raw > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const f of [1, 2, 5, 10]) if (f * p >= raw) return Math.max(1, f * p);
  return Math.max(1, 10 * p);
}

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** Whether the history's terms are the weighted parts of the total (then they carry raw values). */
export function weighted(history) {
  return history.some((h) => h.losses && h.losses.raw);
}

/**
 * Draws {@code history} ([{iteration, losses: {total, content, style, tv}}]) into {@code svg}, and
 * the legend with each term's latest value into the list {@code legend}.
 */
export function drawChart(svg, history, legend) {
  const W = Math.max(260, Math.round(svg.clientWidth || 400));
  const H = Math.round(Math.min(260, Math.max(180, W * 0.5)));
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("height", H);
  const L = 52, R = 10, T = 12, B = 34;
  const pts = history.filter((h) => h.losses);
  const live = SERIES.filter(([k]) => pts.some((h) => h.losses[k] > 0));
  if (pts.length === 0 || live.length === 0) {
    svg.setAttribute("viewBox", `0 0 ${W} 48`); // no tall empty box before the first values
    svg.setAttribute("height", 48);
    svg.innerHTML = `<text x="${W / 2}" y="28" text-anchor="middle" class="muted">no loss values yet</text>`;
    if (legend) legend.replaceChildren();
    return;
  }
  let lo = Infinity, hi = -Infinity;
  for (const h of pts) for (const [k] of live) {
    const v = h.losses[k];
    if (v > 0 && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  let d0 = Math.floor(Math.log10(lo)), d1 = Math.ceil(Math.log10(hi));
  if (d1 <= d0) d1 = d0 + 1;
  let x0 = pts[0].iteration, x1 = pts[pts.length - 1].iteration;
  if (x1 <= x0) { x0 -= 0.5; x1 = x0 + 1; }
  const x = (it) => L + (W - L - R) * (it - x0) / (x1 - x0);
  const y = (v) => T + (H - T - B) * (d1 - Math.log10(v)) / (d1 - d0);
  const parts = [];
  const decadeStep = Math.max(1, Math.ceil((d1 - d0) * 16 / (H - T - B)));
  for (let d = d0; d <= d1; d++) {
    const yy = y(Math.pow(10, d)).toFixed(1);
    parts.push(`<line class="grid" x1="${L}" x2="${W - R}" y1="${yy}" y2="${yy}"/>`);
    if ((d - d0) % decadeStep === 0) {
      parts.push(`<text class="tick" x="${L - 5}" y="${yy}" text-anchor="end" dominant-baseline="middle">1e${d}</text>`);
    }
  }
  const step = niceStep(x1 - x0, Math.max(2, Math.floor((W - L - R) / 70)));
  for (let t = Math.ceil(x0 / step) * step; t <= x1; t += step) {
    const xx = x(t).toFixed(1);
    parts.push(`<line class="grid" x1="${xx}" x2="${xx}" y1="${T}" y2="${H - B}"/>`);
    parts.push(`<text class="tick" x="${xx}" y="${H - B + 14}" text-anchor="middle">${t}</text>`);
  }
  parts.push(`<rect class="axes" x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}"/>`);
  parts.push(`<text class="tick" x="${(L + W - R) / 2}" y="${H - 4}" text-anchor="middle">iteration</text>`);
  parts.push(`<text class="tick" transform="translate(10 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">loss</text>`);
  const last = pts[pts.length - 1].losses;
  live.forEach(([k, colour]) => {
    let path = "", run = 0;
    for (const h of pts) {
      const v = h.losses[k];
      if (v > 0 && isFinite(v)) {
        path += `${run ? "L" : "M"}${x(h.iteration).toFixed(1)},${y(v).toFixed(1)}`;
        run++;
      } else run = 0;
    }
    parts.push(`<path d="${path}" stroke="${colour}" class="series"><title>${esc(k)}</title></path>`);
    if (pts.length === 1 && path) {
      // One point makes no line: mark it.
      const [cx, cy] = path.slice(1).split(",");
      parts.push(`<circle cx="${cx}" cy="${cy}" r="3.5" fill="${colour}"/>`);
    }
  });
  if (legend) {
    legend.replaceChildren(...live.map(([k, colour]) => {
      const li = document.createElement("li");
      const sw = document.createElement("span");
      sw.className = "swatch"; sw.style.background = colour;
      li.append(sw, `${k} ${fmtLoss(last[k])}`);
      return li;
    }));
  }
  svg.innerHTML = parts.join("");
}

/** The chart's caption for {@code history}. */
export function caption(history) {
  const pts = history.filter((h) => h.losses);
  if (pts.length === 0) return "Loss per iteration (log scale): no values yet";
  const terms = weighted(history)
    ? "weighted terms: content + style + tv = total"
    : "terms before weighting; total is the weighted objective";
  return `Loss per iteration (log scale, ${terms}), iterations ${pts[0].iteration}–${pts[pts.length - 1].iteration}`;
}

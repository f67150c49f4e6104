// The job view: state, progress with a smoothed ETA, the picture (live snapshots while running,
// the result at its real size with zoom when finished), the loss chart and the job's details.
import { $, el, fmtSeconds, fmtLeft, fmtBytes, fmtTime, fmtLoss, rate, FINISHED, connection } from "./util.js";
import { drawChart, caption } from "./chart.js";
import { cancelJob } from "./actions.js";

const STOP = {
  budget: "used all its iterations",
  tolerance: "the loss stopped improving (tolerance)",
  converged: "the optimiser converged",
  cancelled: "cancelled",
};
// The files a job's view lists, in this order (the run's outputs as /api/defaults lists them, then
// the inputs), with what they are; the gallery thumbnail and the resume point are the page's own.
let outputsOf = () => [];
const roles = () => ({
  ...Object.fromEntries(outputsOf().map((o) => [o.file, o.description])),
  "content.png": "content image",
});
const resultFile = () => (outputsOf().find((o) => o.role === "image") || {}).file;
const HIDDEN_FILES = ["thumb.png", "resume.png", "resume.json"];

let source = null;
let liveId = null;
let job = null;
let history = [];
let started = null;
let zoom = "fit";
let settingsOf = (j) => j.settings;
let drawPending = false;

export const liveJobId = () => liveId;

/**
 * {@code describe(job)} gives the settings to show ([[name, value, given]]); {@code outputs()} the
 * files a finished run writes ([{role, file, description}], from /api/defaults).
 */
export function initLive(describeSettings, outputs) {
  settingsOf = describeSettings;
  outputsOf = () => outputs() || [];
  $("#cancel").addEventListener("click", () => job && cancelJob(job));
  for (const b of document.querySelectorAll("[data-zoom]")) {
    b.addEventListener("click", () => { zoom = b.dataset.zoom; applyZoom(); });
  }
  $("#live-image").addEventListener("load", () => {
    $("#live-image").hidden = false; $("#live-placeholder").hidden = true;
    $("#frame").classList.add("has-image"); applyZoom();
  });
  $("#live-image").addEventListener("error", () => placeholder("the picture could not be loaded"));
  window.addEventListener("resize", () => scheduleDraw());
  document.addEventListener("job-removed", (e) => { if (e.detail === liveId) close(); });
}

/** Shows job {@code id} and follows its events. */
export function watch(id, { scroll = true } = {}) {
  if (source) source.close();
  liveId = id; job = null; history = []; started = null;
  $("#main").classList.add("has-live");
  $("#live").hidden = false;
  $("#live-id").textContent = id;
  $("#cancel").setAttribute("aria-label", `Cancel job ${id}`);
  $("#live-image").removeAttribute("src");
  placeholder("waiting for the job…");
  $("#live-status").textContent = ""; $("#details").innerHTML = "";
  $("#live-progress").value = 0;
  history = []; scheduleDraw();
  if (location.hash !== `#job=${id}`) history_replace(id);
  if (scroll) $("#live").scrollIntoView({ behavior: "smooth", block: "start" });
  source = new EventSource(`/api/jobs/${id}/events`);
  source.onopen = () => connection("job", true);
  source.onerror = () => {
    if (job && FINISHED.includes(job.state)) return;
    connection("job", false);
  };
  source.onmessage = (msg) => {
    if (id !== liveId) return;
    const ev = JSON.parse(msg.data);
    if (ev.type === "state") {
      showState(ev.job);
      if (FINISHED.includes(ev.job.state)) { source.close(); connection("job", true); }
    } else if (ev.type === "history") {
      history = ev.steps.slice(); scheduleDraw();
    } else if (ev.type === "step") {
      history.push({ iteration: ev.iteration, losses: ev.losses, elapsed: ev.elapsed });
      showStep(ev); scheduleDraw();
    } else if (ev.type === "started") {
      started = ev;
      $("#live-status").textContent = `started: ${ev.width}×${ev.height} px, at most ${ev.iterations} iterations`;
    }
  };
}

function history_replace(id) {
  window.history.replaceState(null, "", `#job=${id}`);
}

function close() {
  if (source) source.close();
  liveId = null; job = null;
  $("#live").hidden = true;
  $("#main").classList.remove("has-live");
  window.history.replaceState(null, "", location.pathname);
}

function placeholder(text) {
  $("#live-image").hidden = true;
  $("#frame").classList.remove("has-image");
  $("#live-placeholder").hidden = false;
  $("#live-placeholder").textContent = text;
  $("#image-size").textContent = "";
}

function applyZoom() {
  const img = $("#live-image");
  for (const b of document.querySelectorAll("[data-zoom]")) b.setAttribute("aria-pressed", String(b.dataset.zoom === zoom));
  if (!img.naturalWidth) return;
  if (zoom === "fit") {
    img.style.width = ""; img.classList.remove("pixelated"); img.classList.add("fit");
  } else {
    const z = Number(zoom);
    img.classList.remove("fit");
    img.style.width = `${img.naturalWidth * z}px`;
    img.classList.toggle("pixelated", z > 1);
  }
  const shown = Math.round(img.getBoundingClientRect().width);
  const pct = Math.round(100 * shown / img.naturalWidth);
  $("#image-size").textContent = `${img.naturalWidth}×${img.naturalHeight} px, shown at ${pct}%`;
}

function scheduleDraw() {
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => {
    drawPending = false;
    if ($("#live").hidden) return;
    drawChart($("#loss-chart"), history, $("#chart-legend"));
    $("#chart-caption").textContent = caption(history);
  });
}

function showState(j) {
  const before = job && job.state;
  job = j;
  const state = $("#live-state");
  state.textContent = j.state + (j.state === "queued" ? ` · #${j.position} in the queue` : "");
  state.className = "state " + j.state;
  if (before !== j.state) $("#announce").textContent = `Job ${j.id} is ${j.state}` + (j.state === "queued" ? `, position ${j.position}` : "");
  $("#cancel").hidden = FINISHED.includes(j.state);
  $("#cancel").textContent = j.state === "queued" ? "Remove from queue" : "Cancel";
  if (j.iterations) { $("#live-progress").max = j.iterations; $("#live-progress").value = j.iteration; }
  const status = $("#live-status");
  if (j.state === "queued") {
    status.textContent = `waiting: position ${j.position} in the queue`;
    if (!$("#live-image").getAttribute("src")) placeholder("queued");
  } else if (j.state === "running" && j.iteration === 0 && !started) {
    status.textContent = "preparing: loading the images and computing the style targets…";
    placeholder("preparing…");
  } else if (j.state === "done") {
    status.textContent = `done: ${j.iteration} iterations` + (j.run ? ` in ${fmtSeconds(j.run.optimizeSeconds)}` : "");
    $("#live-progress").max = 1; $("#live-progress").value = 1;
  } else if (j.state === "failed") {
    status.textContent = `failed: ${j.error || "unknown error"}`;
  } else if (j.state === "cancelled") {
    status.textContent = `cancelled at iteration ${j.iteration}` + (j.resumable ? " (it can resume)" : "");
  }
  if (FINISHED.includes(j.state)) {
    const result = j.files[resultFile()];
    if (result) $("#live-image").src = `${result}?t=${Date.now()}`;
    else if (!$("#live-image").getAttribute("src")) placeholder(j.state === "failed" ? "no picture: the job failed" : "no picture");
  }
  showDetails(j);
  scheduleDraw();
}

function showStep(ev) {
  if (ev.snapshot) $("#live-image").src = ev.snapshot;
  $("#live-progress").max = ev.iterations; $("#live-progress").value = ev.iteration;
  const r = rate(history);
  const parts = [`iteration ${ev.iteration} of at most ${ev.iterations}`];
  if (r) parts.push(`${r.toFixed(r < 10 ? 1 : 0)} it/s`);
  if (r) parts.push(fmtLeft((ev.iterations - ev.iteration) / r));
  if (ev.losses && ev.losses.total != null) parts.push(`loss ${fmtLoss(ev.losses.total)}`);
  $("#live-status").textContent = parts.join(" · ");
}

function row(dl, term, ...value) {
  dl.append(el("dt", { text: term }), el("dd", {}, ...value));
}

function showDetails(j) {
  const dl = $("#details");
  dl.innerHTML = "";
  if (j.stopReason && j.state !== "failed") row(dl, "Stopped", STOP[j.stopReason] || j.stopReason);
  const w = j.run ? j.run.width : started && started.width, h = j.run ? j.run.height : started && started.height;
  if (w) row(dl, "Picture", `${w}×${h} px`);
  if (j.iterations || j.iteration) row(dl, "Iterations", `${j.iteration} of at most ${j.iterations}`);
  if (j.run) {
    const total = j.run.setupSeconds + j.run.optimizeSeconds;
    row(dl, "Duration", `${fmtSeconds(total)} (setup ${fmtSeconds(j.run.setupSeconds)}, optimising ${fmtSeconds(j.run.optimizeSeconds)})`);
    if (j.run.optimizeSeconds > 0) row(dl, "Speed", `${(j.iteration / j.run.optimizeSeconds).toFixed(2)} iterations/s`);
  } else if (j.elapsed) {
    row(dl, "Optimising for", fmtSeconds(j.elapsed));
  }
  row(dl, "Submitted", el("time", { datetime: j.created, text: fmtTime(j.created) }));
  if (j.run && j.run.finished) row(dl, "Finished", el("time", { datetime: j.run.finished, text: fmtTime(j.run.finished) }));
  const all = settingsOf(j);
  const item = ([name, value]) => el("li", {}, el("span", { text: name }), " ", el("code", { text: String(value) }));
  const given = all.filter(([, , g]) => g);
  row(dl, "Settings",
    given.length ? el("ul", { class: "settings-list given" }, ...given.map(item)) : el("span", { text: "the defaults" }),
    el("details", { class: "all-settings" },
      el("summary", { text: `all ${all.length} settings` }),
      el("ul", { class: "settings-list" }, ...all.map(item))));
  const files = el("ul", { class: "files", id: "downloads" });
  const ROLES = roles();
  const order = Object.keys(ROLES);
  const rank = (n) => (order.includes(n) ? order.indexOf(n) : order.length);
  const names = Object.keys(j.files).filter((n) => !HIDDEN_FILES.includes(n)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const name of names) {
    files.append(el("li", {},
      el("a", { href: `${j.files[name]}?download=1`, download: `${j.id}-${name}`, "data-file": name, text: name }),
      ` ${ROLES[name] || (name.startsWith("style-") ? "style image" : "")} · ${fmtBytes(j.sizes && j.sizes[name])}`));
  }
  row(dl, "Files", files);
}

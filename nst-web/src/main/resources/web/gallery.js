// The gallery: every job as a card, kept up to date by the server's gallery event stream
// (/api/events), newest first. Running and queued cards show their progress or queue position.
import { $, el, fmtSeconds, fmtTime, FINISHED, connection } from "./util.js";
import { watch } from "./live.js";
import { cancelJob, resumeJob, scheduleDelete, deleting } from "./actions.js";

const jobs = new Map(); // id -> job JSON
let onRerun = () => {};
let source = null;
let retry = null;
const rendered = new WeakMap(); // card element -> the JSON it shows

export function initGallery(rerun) {
  onRerun = rerun;
  document.addEventListener("job-removed", (e) => render());
  document.addEventListener("job-restored", (e) => render());
  connect();
}

/** The latest known state of job {@code id}, if the gallery has it. */
export const known = (id) => jobs.get(id);

function connect() {
  clearTimeout(retry);
  if (source) source.close();
  source = new EventSource("/api/events");
  source.onopen = () => connection("gallery", true);
  source.onerror = () => {
    connection("gallery", false);
    if (source.readyState === EventSource.CLOSED) retry = setTimeout(connect, 3000);
  };
  source.onmessage = (msg) => {
    const ev = JSON.parse(msg.data);
    if (ev.type === "jobs") {
      jobs.clear();
      for (const j of ev.jobs) jobs.set(j.id, j);
    } else if (ev.type === "state") {
      jobs.set(ev.job.id, ev.job);
    } else if (ev.type === "deleted") {
      jobs.delete(ev.id);
    }
    render();
  };
}

function thumb(job) {
  const src = job.files["thumb.png"];
  const label = job.state === "queued" ? `queued · #${job.position}`
    : job.state === "running" ? "painting…" : job.state === "failed" ? "failed: no picture" : "no picture";
  const ph = el("div", { class: `thumb placeholder ${job.state}`, text: label });
  if (!src) return ph;
  const img = el("img", { class: "thumb", src: `${src}?v=${job.sizes["thumb.png"] || 0}`, alt: `result of job ${job.id}`, loading: "lazy" });
  img.addEventListener("error", () => img.replaceWith(ph));
  return img;
}

function progress(job) {
  if (job.state === "queued") return el("div", { text: `waiting · position ${job.position} in the queue` });
  if (job.state === "running") {
    const rate = job.elapsed > 0 ? ` · ${(job.iteration / job.elapsed).toFixed(1)} it/s` : "";
    return el("div", {},
      el("progress", { max: job.iterations || 1, value: job.iteration, "aria-label": `progress of job ${job.id}` }),
      el("div", { text: job.iterations ? `${job.iteration} of at most ${job.iterations} iterations${rate}` : "preparing…" }));
  }
  const parts = [];
  if (job.run) parts.push(`${job.run.width}×${job.run.height} px`);
  if (job.iteration) parts.push(`${job.iteration} iterations`);
  if (job.run) parts.push(fmtSeconds(job.run.setupSeconds + job.run.optimizeSeconds));
  const line = el("div", { text: parts.join(" · ") });
  return job.error ? el("div", {}, line, el("div", { class: "card-error", text: job.error })) : line;
}

function card(job) {
  const id = job.id;
  const button = (label, aria, fn) => el("button", { type: "button", "aria-label": `${aria} job ${id}`, onclick: fn, text: label });
  const actions = el("div", { class: "actions" },
    button("View", "View", () => watch(id)),
    button("Re-run…", "Re-run with changes:", () => onRerun(job)));
  if (job.resumable) {
    actions.append(button("Resume", "Resume", async () => { if (await resumeJob(job)) watch(id); }));
  }
  if (!FINISHED.includes(job.state)) {
    actions.append(button(job.state === "queued" ? "Remove" : "Cancel", job.state === "queued" ? "Remove from the queue:" : "Cancel", () => cancelJob(job)));
  } else {
    actions.append(button("Delete", "Delete", () => scheduleDelete(job)));
  }
  const settings = Object.entries(job.settings).map(([k, v]) => `${k} ${v}`).join(" · ") || "defaults";
  return el("article", { class: "card", "data-id": id, "aria-label": `job ${id}, ${job.state}` },
    thumb(job),
    el("div", { class: "card-head" }, el("span", { class: `state ${job.state}`, text: job.state }), " ", el("code", { text: id })),
    el("div", { class: "muted" }, el("time", { datetime: job.created, text: fmtTime(job.created) })),
    progress(job),
    el("div", { class: "settings", text: settings }),
    actions);
}

function render() {
  const g = $("#gallery");
  const focused = document.activeElement && document.activeElement.closest(".card");
  const focusKey = focused ? [focused.dataset.id, document.activeElement.textContent] : null;
  const list = [...jobs.values()].filter((j) => !deleting(j.id)).sort((a, b) => b.created.localeCompare(a.created));
  const existing = new Map([...g.children].map((c) => [c.dataset.id, c]));
  g.replaceChildren(...list.map((j) => {
    const key = JSON.stringify(j);
    const old = existing.get(j.id);
    if (old && rendered.get(old) === key) return old; // unchanged: keep the node (and its image)
    const c = card(j);
    rendered.set(c, key);
    return c;
  }));
  $("#gallery-empty").hidden = list.length > 0;
  if (focusKey) {
    const c = g.querySelector(`.card[data-id="${focusKey[0]}"]`);
    const b = c && [...c.querySelectorAll("button")].find((x) => x.textContent === focusKey[1]);
    if (b) b.focus();
  }
}

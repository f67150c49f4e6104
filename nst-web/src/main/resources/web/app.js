// neural-style web page: form (defaults from /api/defaults), live view over Server-Sent Events,
// gallery. Plain browser JavaScript, no build step.
"use strict";

const $ = (sel) => document.querySelector(sel);
const form = $("#job-form");
const FILES = { result: "result.png", panel: "panel.png", gif: "progress.gif", loss: "loss.png", record: "run.json" };
let defaults = null;
let source = null;       // the EventSource of the job shown live
let liveId = null;
let history = [];        // [{iteration, losses}]

async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ": " + r.status);
  return r.json();
}

function setForm(values) {
  for (const [name, value] of Object.entries(values)) {
    const el = form.elements.namedItem(name);
    if (el && el.type !== "file" && el.type !== "hidden") el.value = value;
  }
}

function fillSelect(name, choices) {
  const el = form.elements.namedItem(name);
  el.innerHTML = choices.map((c) => `<option value="${c}">${c}</option>`).join("");
}

async function loadDefaults() {
  defaults = await getJson("/api/defaults");
  for (const [name, choices] of Object.entries(defaults.choices)) fillSelect(name, choices);
  $("#preset").innerHTML += Object.keys(defaults.presets).map((p) => `<option value="${p}">${p}</option>`).join("");
  setForm(defaults.defaults);
  $("#server").textContent = `weights: ${defaults.server.model}, layers ${defaults.server.layers[0]} … ${defaults.server.layers.at(-1)}`;
}

$("#preset").addEventListener("change", (e) => {
  setForm(e.target.value ? { ...defaults.defaults, ...defaults.presets[e.target.value] } : defaults.defaults);
});

// Drag and drop onto the two drop zones; previews of picked files.
for (const [zone, input, preview] of [["#content-drop", "#content", "#content-preview"], ["#style-drop", "#style", "#style-preview"]]) {
  const z = $(zone), i = $(input);
  z.addEventListener("dragover", (e) => { e.preventDefault(); z.classList.add("over"); });
  z.addEventListener("dragleave", () => z.classList.remove("over"));
  z.addEventListener("drop", (e) => {
    e.preventDefault(); z.classList.remove("over");
    i.files = e.dataTransfer.files; i.dispatchEvent(new Event("change"));
  });
  i.addEventListener("change", () => {
    $(preview).innerHTML = "";
    for (const f of i.files) {
      const img = document.createElement("img");
      img.src = URL.createObjectURL(f); $(preview).appendChild(img);
    }
  });
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  $("#form-error").textContent = "";
  const data = new FormData();
  const changed = (name, value) => !defaults || String(defaults.defaults[name] ?? "") !== value;
  for (const el of form.elements) {
    if (!el.name || el.name === "content" || el.name === "style") continue;
    const v = el.value.trim();
    // Send what differs from the defaults (the server applies defaults, then preset, then fields).
    if (v !== "" && (el.name === "preset" || el.name === "from" || changed(el.name, v) || $("#preset").value)) data.append(el.name, v);
  }
  for (const f of $("#content").files) data.append("content", f);
  for (const f of $("#style").files) data.append("style", f);
  const r = await fetch("/api/jobs", { method: "POST", body: data });
  const body = await r.json();
  if (r.status !== 201) {
    $("#form-error").textContent = (body.field ? body.field + ": " : "") + body.error;
    return;
  }
  $("#from").value = ""; $("#from-note").hidden = true;
  watch(body.id);
  refreshGallery();
});

function fmtSeconds(s) {
  if (s == null) return "";
  s = Math.round(s);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

function drawChart() {
  const svg = $("#loss-chart");
  const W = 400, H = 220, pad = 4;
  const series = [["total", "#222"], ["content", "#2a7"], ["style", "#c50"], ["tv", "#88c"]];
  let lines = "";
  const n = history.length;
  if (n > 1) {
    const maxIt = history[n - 1].iteration || 1;
    for (const [key, colour] of series) {
      const vals = history.map((h) => h.losses && h.losses[key]).filter((v) => v > 0);
      if (vals.length < 2) continue;
      const lo = Math.log10(Math.min(...vals)), hi = Math.log10(Math.max(...vals));
      const span = hi - lo || 1;
      const pts = history
        .filter((h) => h.losses && h.losses[key] > 0)
        .map((h) => `${(pad + (W - 2 * pad) * h.iteration / maxIt).toFixed(1)},${(H - pad - (H - 2 * pad) * (Math.log10(h.losses[key]) - lo) / span).toFixed(1)}`);
      lines += `<polyline stroke="${colour}" points="${pts.join(" ")}"><title>${key}</title></polyline>`;
      lines += `<text x="${W - 60}" y="${14 + 14 * series.findIndex((s) => s[0] === key)}" fill="${colour}" font-size="11">${key}</text>`;
    }
  }
  svg.innerHTML = lines + `<text x="6" y="${H - 6}" font-size="10" fill="#888">log scale, each term normalised</text>`;
}

function showState(job) {
  $("#live-state").textContent = job.state + (job.state === "queued" ? ` (position ${job.position})` : "");
  $("#live-state").className = "state " + job.state;
  $("#cancel").hidden = job.state !== "queued" && job.state !== "running";
  if (job.error) $("#live-status").textContent = job.error;
  const links = [];
  for (const [label, name] of Object.entries(FILES)) {
    if (job.files[name]) links.push(`<a href="${job.files[name]}?download=1" download="${job.id}-${name}" data-file="${name}">${label}</a>`);
  }
  $("#downloads").innerHTML = links.join("");
  if (job.files["result.png"] && (job.state === "done" || job.state === "cancelled")) {
    $("#live-image").src = job.files["result.png"] + "?t=" + Date.now();
  }
}

function showStep(ev) {
  if (ev.snapshot) $("#live-image").src = ev.snapshot;
  $("#live-progress").max = ev.iterations; $("#live-progress").value = ev.iteration;
  const eta = ev.eta != null ? `, about ${fmtSeconds(ev.eta)} left` : "";
  const total = ev.losses && ev.losses.total != null ? `, loss ${ev.losses.total.toPrecision(4)}` : "";
  $("#live-status").textContent = `iteration ${ev.iteration}/${ev.iterations}${total}${eta}`;
}

function watch(id) {
  if (source) source.close();
  liveId = id; history = [];
  $("#live").hidden = false; $("#live-id").textContent = id;
  $("#live-image").removeAttribute("src"); $("#live-status").textContent = ""; drawChart();
  source = new EventSource(`/api/jobs/${id}/events`);
  source.onmessage = (msg) => {
    const ev = JSON.parse(msg.data);
    if (ev.type === "state") {
      showState(ev.job);
      if (["done", "failed", "cancelled"].includes(ev.job.state)) { source.close(); refreshGallery(); }
    } else if (ev.type === "history") {
      history = ev.steps; drawChart();
    } else if (ev.type === "step") {
      history.push({ iteration: ev.iteration, losses: ev.losses });
      showStep(ev); drawChart();
    } else if (ev.type === "started") {
      $("#live-status").textContent = `started: ${ev.width}×${ev.height}, ${ev.iterations} iterations`;
    }
  };
}

$("#cancel").addEventListener("click", () => fetch(`/api/jobs/${liveId}`, { method: "DELETE" }));

function rerun(job) {
  setForm({ ...defaults.defaults, ...(job.settings.preset ? defaults.presets[job.settings.preset] : {}), ...job.settings });
  $("#preset").value = job.settings.preset || "";
  $("#from").value = job.id; $("#from-id").textContent = job.id; $("#from-note").hidden = false;
  window.scrollTo(0, 0);
}

async function refreshGallery() {
  const jobs = await getJson("/api/jobs");
  const g = $("#gallery");
  g.innerHTML = "";
  for (const job of jobs) {
    const card = document.createElement("div");
    card.className = "card";
    const thumb = job.files["thumb.png"] || job.files["content.png"];
    const settings = Object.entries(job.settings).map(([k, v]) => `${k}=${v}`).join(", ") || "defaults";
    card.innerHTML = `<img src="${thumb}" alt="job ${job.id}">
      <div><span class="state ${job.state}">${job.state}</span> <code>${job.id}</code></div>
      <div class="settings">${settings}</div>
      <div>${job.iteration}/${job.iterations} iterations ${job.error ? "— " + job.error : ""}</div>`;
    const actions = document.createElement("div");
    const button = (label, fn) => { const b = document.createElement("button"); b.textContent = label; b.type = "button"; b.onclick = fn; actions.appendChild(b); };
    button("View", () => watch(job.id));
    button("Re-run…", () => rerun(job));
    if (job.resumable || job.state === "failed" || job.state === "cancelled") {
      button("Resume", async () => { await fetch(`/api/jobs/${job.id}/resume`, { method: "POST" }); watch(job.id); refreshGallery(); });
    }
    if (["done", "failed", "cancelled"].includes(job.state)) {
      button("Delete", async () => { await fetch(`/api/jobs/${job.id}`, { method: "DELETE" }); refreshGallery(); });
    }
    card.appendChild(actions);
    g.appendChild(card);
  }
}

loadDefaults().then(refreshGallery);

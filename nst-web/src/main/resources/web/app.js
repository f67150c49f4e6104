// neural-style web page: the form (defaults, choices and limits from /api/defaults), errors at
// their fields, the job view and the live gallery. Plain browser JavaScript modules, no build step.
import { $, el, call, connection } from "./util.js";
import { initLive, watch } from "./live.js";
import { initGallery } from "./gallery.js";

const form = $("#job-form");
let defaults = null;
let submitting = false;

/** The label text of field {@code name} ("content-weight" -> "Content weight"). */
function label(name) {
  const box = fieldBox(name);
  const l = box && (box.querySelector("label:not(.drop)") || box.querySelector(".drop-title"));
  return l ? l.textContent.trim() : name;
}

function fieldBox(name) {
  return form.querySelector(`.field[data-field="${name}"]`) ||
    (form.elements.namedItem(name) && form.elements.namedItem(name).closest && form.elements.namedItem(name).closest(".field"));
}

function setForm(values) {
  for (const [name, value] of Object.entries(values)) {
    const e = form.elements.namedItem(name);
    if (e && e.type !== "file" && e.type !== "hidden") e.value = value;
  }
}

// How a choice reads in its list, where the value itself says little.
const CHOICE_TEXT = { seamless: { false: "no", true: "yes" } };

function fillSelect(name, choices, unavailable = {}, keep = []) {
  const e = form.elements.namedItem(name);
  if (!e) return;
  const text = (c) => (CHOICE_TEXT[name] && CHOICE_TEXT[name][c]) || c;
  e.replaceChildren(...keep, ...choices.map((c) => el("option", {
    value: c, disabled: c in unavailable, title: unavailable[c],
    text: c in unavailable ? `${text(c)} (not on this server)` : text(c),
  })));
  const missing = Object.keys(unavailable);
  if (missing.length) {
    fieldBox(name).append(el("details", { class: "help" },
      el("summary", { text: `${missing.join(", ")}: not on this server` }),
      ...Object.entries(unavailable).map(([c, why]) => el("p", { text: `${c}: ${why}` }))));
  }
}

async function loadDefaults() {
  const r = await call("/api/defaults");
  defaults = await r.json();
  const unavailable = defaults.unavailable || {};
  for (const [name, choices] of Object.entries(defaults.choices)) fillSelect(name, choices, unavailable[name]);
  fillSelect("preset", Object.keys(defaults.presets), unavailable.preset,
    [el("option", { value: "", text: "(defaults)" })]);
  setForm(defaults.defaults);
  const s = defaults.server, layers = s.layers;
  $("#server").textContent = `${s.model} weights, ${layers[0]} … ${layers.at(-1)}`;
  $("#layers-help").textContent = `Layers such as relu2_2 or conv3_1; this server's weights hold ${layers[0]} … ${layers.at(-1)}, so layers up to ${layers.at(-1).replace("conv", "relu")} can be used.`
    + (s.fullLayers ? ` The defaults are the deepest they have; full weights would use content ${s.fullLayers.content} and style ${s.fullLayers.style}.` : "");
  $("#f-size").max = s.maxSize;
  $("#f-size").closest(".field").append(el("p", { class: "help", text: `at most ${s.maxSize} on this server` }));
  summarise();
}

/** The collapsed section's summary: what it is set to, so the layers in use are always shown. */
function summarise() {
  const v = (n) => form.elements.namedItem(n).value;
  $("#more-summary").textContent = `· ${v("optimizer")}, content ${v("content-layers")}, style ${v("style-layers")}`;
}
form.addEventListener("input", summarise);
form.addEventListener("change", summarise);

$("#f-preset").addEventListener("change", (e) => {
  const p = e.target.value;
  setForm(p ? { ...defaults.defaults, ...defaults.presets[p] } : defaults.defaults);
  summarise();
});

// Drop zones: drag and drop or pick; previews of picked files, a placeholder for a non-image.
for (const [zone, input, preview] of [["#content-drop", "#content", "#content-preview"], ["#style-drop", "#style", "#style-preview"]]) {
  const z = $(zone), i = $(input);
  z.addEventListener("dragover", (e) => { e.preventDefault(); z.classList.add("over"); });
  z.addEventListener("dragleave", () => z.classList.remove("over"));
  z.addEventListener("drop", (e) => {
    e.preventDefault(); z.classList.remove("over");
    i.files = e.dataTransfer.files; i.dispatchEvent(new Event("change"));
  });
  i.addEventListener("change", () => {
    clearError(i.name);
    $(preview).replaceChildren(...[...i.files].map((f) => {
      const bad = el("span", { class: "preview placeholder", title: f.name, text: `${f.name}: not an image` });
      if (!f.type.startsWith("image/")) return bad;
      const img = el("img", { class: "preview", src: URL.createObjectURL(f), alt: f.name, title: f.name });
      img.addEventListener("error", () => img.replaceWith(bad));
      return img;
    }));
  });
}

for (const e of form.elements) {
  if (e.name && e.type !== "file") e.addEventListener("input", () => clearError(e.name));
}

function clearError(name) {
  const box = fieldBox(name);
  if (!box) return;
  box.classList.remove("invalid");
  const msg = box.querySelector(".field-error");
  if (msg) msg.remove();
  for (const c of box.querySelectorAll("input, select")) c.removeAttribute("aria-invalid");
}

function clearErrors() {
  for (const box of form.querySelectorAll(".field.invalid")) clearError(box.dataset.field || box.querySelector("[name]").name);
  $("#form-error").textContent = "";
}

/** Shows each error at its field (with the field's label), focuses the first, summarises. */
function showErrors(body) {
  const errors = body.errors || [{ field: body.field, error: body.error }];
  const atFields = [], general = [];
  for (const { field, error } of errors) {
    const box = field && fieldBox(field);
    if (!box) { general.push(field ? `${field}: ${error}` : error); continue; }
    const id = `error-${field}`;
    box.classList.add("invalid");
    const more = box.closest("details");
    if (more) more.open = true;
    box.append(el("p", { class: "field-error", id, text: `${label(field)}: ${error}` }));
    for (const c of box.querySelectorAll("input, select")) {
      c.setAttribute("aria-invalid", "true");
      c.setAttribute("aria-describedby", [c.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
    }
    atFields.push(box);
  }
  atFields.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const summary = atFields.length ? `Please check ${atFields.length === 1 ? "the field" : `${atFields.length} fields`}: ${atFields.map((b) => label(b.dataset.field || b.querySelector("[name]").name)).join(", ")}.` : "";
  $("#form-error").textContent = [summary, ...general].filter(Boolean).join(" ");
  if (atFields.length) {
    const target = atFields[0].querySelector("input:not([type=hidden]), select");
    atFields[0].scrollIntoView({ block: "center" });
    if (target) target.focus({ preventScroll: true });
  }
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  if (submitting) return; // a double click sends one job
  submitting = true;
  const start = $("#start");
  start.disabled = true; start.textContent = "Starting…";
  clearErrors();
  try {
    const data = new FormData();
    const preset = $("#f-preset").value;
    const changed = (name, value) => !defaults || String(defaults.defaults[name] ?? "") !== value;
    for (const f of form.elements) {
      if (!f.name || f.type === "file") continue;
      const v = f.value.trim();
      // Send what differs from the defaults (the server applies defaults, then preset, then fields).
      if (v !== "" && (f.name === "preset" || f.name === "from" || changed(f.name, v) || preset)) data.append(f.name, v);
    }
    for (const f of $("#content").files) data.append("content", f);
    for (const f of $("#style").files) data.append("style", f);
    let r;
    try {
      r = await call("/api/jobs", { method: "POST", body: data });
    } catch (err) {
      $("#form-error").textContent = "Could not reach the server: the job was not started.";
      return;
    }
    const body = await r.json().catch(() => ({ error: `the server answered ${r.status}` }));
    if (r.status !== 201) { showErrors(body); return; }
    $("#from").value = ""; $("#from-note").hidden = true;
    watch(body.id);
  } finally {
    submitting = false;
    start.disabled = false; start.textContent = "Start";
  }
});

$("#from-clear").addEventListener("click", () => { $("#from").value = ""; $("#from-note").hidden = true; });

function rerun(job) {
  const preset = job.settings.preset;
  setForm({ ...defaults.defaults, ...(preset ? defaults.presets[preset] : {}), ...job.settings });
  $("#f-preset").value = preset || "";
  summarise();
  $("#from").value = job.id; $("#from-id").textContent = job.id; $("#from-note").hidden = false;
  clearErrors();
  form.scrollIntoView({ behavior: "smooth", block: "start" });
  $("#f-size").focus({ preventScroll: true });
}

/** The settings a job ran with: [[name, value, given]] (given = set for this job). */
function effectiveSettings(job) {
  const preset = job.settings.preset;
  const base = defaults ? { ...defaults.defaults, ...(preset ? defaults.presets[preset] : {}) } : {};
  const all = { ...base, ...job.settings };
  return Object.entries(all).map(([k, v]) => [k, v, k in job.settings]);
}

initLive(effectiveSettings, () => defaults && defaults.outputs);
loadDefaults()
  .catch(() => connection("fetch", false))
  .finally(() => {
    initGallery(rerun);
    const m = location.hash.match(/^#job=([0-9a-f]{16})$/);
    if (m) watch(m[1], { scroll: false });
  });

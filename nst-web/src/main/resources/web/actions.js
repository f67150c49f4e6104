// What the buttons on the job view and the gallery cards do: cancel, resume, and delete with an
// undo (the request is only sent when the undo time is over, or when the page is left).
import { $, el, call } from "./util.js";

const UNDO_MS = 6000;
const pending = new Map(); // id -> {timer, send}

function toast(text, undo) {
  const t = $("#toast");
  t.innerHTML = "";
  t.append(el("span", { text }));
  if (undo) t.append(el("button", { type: "button", onclick: undo, text: "Undo" }));
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, UNDO_MS);
}

function removed(id) {
  document.dispatchEvent(new CustomEvent("job-removed", { detail: id }));
}

/** Whether job {@code id} waits to be deleted (its card stays hidden). */
export const deleting = (id) => pending.has(id);

/**
 * Deletes a finished job, or takes a job that never ran out of the queue, after an undo time.
 */
export function scheduleDelete(job) {
  const id = job.id;
  const send = () => {
    pending.delete(id);
    return call(`/api/jobs/${id}`, { method: "DELETE", keepalive: true }).catch(() => {});
  };
  pending.set(id, { timer: setTimeout(send, UNDO_MS), send });
  removed(id);
  const what = job.state === "queued" ? "removed from the queue" : "deleted";
  toast(`Job ${id} ${what}.`, () => {
    const p = pending.get(id);
    if (p) clearTimeout(p.timer);
    pending.delete(id);
    $("#toast").hidden = true;
    document.dispatchEvent(new CustomEvent("job-restored", { detail: id }));
  });
}

/** Cancels a running job (it keeps its picture and can resume) or removes a waiting one. */
export async function cancelJob(job) {
  if (job.state === "queued" && !job.resumable) {
    scheduleDelete(job);
    return;
  }
  await call(`/api/jobs/${job.id}`, { method: "DELETE" });
  toast(`Cancelling job ${job.id}: it stops at its next iteration and keeps its picture.`);
}

/** Queues a cancelled or interrupted job again; it continues from where it stopped. */
export async function resumeJob(job) {
  const r = await call(`/api/jobs/${job.id}/resume`, { method: "POST" });
  if (!r.ok) toast(`Job ${job.id} cannot resume: ${(await r.json()).error}`);
  return r.ok;
}

// Deletions still waiting for their undo time go out when the page is left.
window.addEventListener("pagehide", () => { for (const p of [...pending.values()]) { clearTimeout(p.timer); p.send(); } });

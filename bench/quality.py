#!/usr/bin/python3
"""Picture-quality metrics of the quality benchmark, computed in this one place for the output of
every recipe (bench/quality.sh runs the recipes, then this script).

  python3 bench/quality.py --dir bench/out/quality --weights W.safetensors --shared ../shared

<dir>/<size>/<pair>/<recipe>.png are the pictures and <recipe>.json their {"wall", "evals"}; the
pair name is <content>__<style>. Writes <dir>/quality.json (every figure), prints a table (also
<dir>/quality.md) and draws <dir>/contact-<size>.png (rows = pairs, columns = content, style, each
recipe).

Metrics (all on the picture as written, 8-bit sRGB):
  lattice    periodic artefacts: the luminance's power spectrum (Hann window) is whitened by its
             radial median; the score is the mean of the 16 largest whitened values at radial
             frequencies above 0.08 cycles/px. A periodic pattern puts isolated peaks there (scores
             of 100 and more); brush strokes and photographs spread their energy (about 10 to 20).
  sharpness  the share of the spectral energy (DC excluded) above 0.125 cycles/px, x 100: a
             blurred, flat picture scores low.
  style      sliced Wasserstein distance between the VGG feature distributions (relu1_1, relu2_1,
             relu3_1; 64 random unit directions, 256 quantiles) of the picture and of the painting
             at the same size, each layer divided by the painting's RMS feature value, averaged
             over layers. No recipe minimises it (they match Gram matrices).
  content    relative squared distance of the relu3_2 responses (relu2_2 if the weights stop
             earlier) of picture and photo: |F - P|^2 / |P|^2.
"""
import argparse
import glob
import json
import os

import numpy as np
import torch
from PIL import Image, ImageDraw

import paint

LATTICE_MIN_FREQ = 0.08
LATTICE_PEAKS = 16
SHARP_MIN_FREQ = 0.125
SWD_LAYERS = ["relu1_1", "relu2_1", "relu3_1"]
SWD_DIRECTIONS = 64
SWD_QUANTILES = 256


def luminance(img):
    a = np.asarray(img.convert("RGB"), dtype=np.float64) / 255.0
    return a @ np.array([0.299, 0.587, 0.114])


def spectrum(y):
    """Power spectrum of the windowed, zero-mean luminance, and each bin's radial frequency."""
    h, w = y.shape
    win = np.outer(np.hanning(h), np.hanning(w))
    p = np.abs(np.fft.fft2((y - y.mean()) * win)) ** 2
    fy = np.fft.fftfreq(h)[:, None]
    fx = np.fft.fftfreq(w)[None, :]
    return p, np.sqrt(fy * fy + fx * fx)


def lattice_score(y):
    p, r = spectrum(y)
    bins = np.round(r * max(y.shape)).astype(int)
    white = np.zeros_like(p)
    for b in np.unique(bins):
        sel = bins == b
        med = np.median(p[sel])
        white[sel] = p[sel] / med if med > 0 else 0
    band = white[r > LATTICE_MIN_FREQ]
    return float(np.mean(np.sort(band)[-2 * LATTICE_PEAKS:]))  # each peak appears twice (+/- f)


def sharpness(y):
    p, r = spectrum(y)
    p[0, 0] = 0
    return float(100 * p[r > SHARP_MIN_FREQ].sum() / p.sum())


def to_tensor(img):
    a = torch.from_numpy(np.asarray(img.convert("RGB"), dtype=np.float32).copy()).permute(2, 0, 1)
    return (a.flip(0).unsqueeze(0) - paint.MEAN_BGR).contiguous()


def quantiles(v, n):
    s, _ = torch.sort(v, dim=0)
    idx = torch.linspace(0, s.shape[0] - 1, n).round().long()
    return s[idx]


def sliced_wasserstein(fa, fb, seed):
    c = fa.shape[1]
    g = torch.Generator().manual_seed(seed)
    d = torch.randn(c, SWD_DIRECTIONS, generator=g)
    d = d / d.norm(dim=0, keepdim=True)
    a = fa[0].reshape(c, -1).t() @ d
    b = fb[0].reshape(c, -1).t() @ d
    qa, qb = quantiles(a, SWD_QUANTILES), quantiles(b, SWD_QUANTILES)
    scale = fb.pow(2).mean().sqrt()
    return float(((qa - qb) ** 2).mean().sqrt() / scale)


class Judge:
    def __init__(self, weights):
        self.net = paint.Net(paint.load_weights(weights), "avg")
        self.content_layer = "relu3_2" if self.net.has("relu3_2") else "relu2_2"
        self.cache = {}

    def features(self, key, img, layers):
        if key not in self.cache:
            with torch.no_grad():
                self.cache[key] = self.net.extract(to_tensor(img), layers)
        return self.cache[key]

    def measure(self, out_path, content_path, style_path, size):
        out = Image.open(out_path).convert("RGB")
        y = luminance(out)
        photo = Image.open(content_path).convert("RGB").resize(out.size, Image.BICUBIC)
        painting = Image.open(style_path).convert("RGB")
        s = size / max(painting.size)
        painting = painting.resize(
            (max(1, round(painting.size[0] * s)), max(1, round(painting.size[1] * s))), Image.BICUBIC)
        layers = SWD_LAYERS + [self.content_layer]
        fo = self.features(out_path + str(os.path.getmtime(out_path)), out, layers)
        fs = self.features(("style", style_path, size), painting, layers)
        fc = self.features(("content", content_path, out.size), photo, layers)
        swd = np.mean([sliced_wasserstein(fo[l], fs[l], i) for i, l in enumerate(SWD_LAYERS)])
        cl = self.content_layer
        content = float(((fo[cl] - fc[cl]) ** 2).sum() / (fc[cl] ** 2).sum())
        return {"lattice": lattice_score(y), "sharpness": sharpness(y), "style": float(swd),
                "content": content}


def contact_sheet(rows, recipes, path, cell):
    pad, label_h = 4, 16
    w = (2 + len(recipes)) * (cell + pad) + pad
    h = label_h + len(rows) * (cell + pad) + pad
    sheet = Image.new("RGB", (w, h), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    for i, name in enumerate(["content", "style"] + recipes):
        draw.text((pad + i * (cell + pad) + 2, 2), name, fill=(0, 0, 0))
    for j, (content, style, outs) in enumerate(rows):
        for i, src in enumerate([content, style] + outs):
            if src is None or not os.path.exists(src):
                continue
            im = Image.open(src).convert("RGB")
            im.thumbnail((cell, cell), Image.BICUBIC)
            sheet.paste(im, (pad + i * (cell + pad), label_h + pad + j * (cell + pad)))
    sheet.save(path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", default="bench/out/quality")
    p.add_argument("--weights", required=True)
    p.add_argument("--shared", default="../shared")
    p.add_argument("--recipes", default="", help="column order (default: all found, sorted)")
    p.add_argument("--baseline", default="torch-simple40", help="recipe the ratios refer to")
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    judge = Judge(a.weights)
    results = []
    for size_dir in sorted(glob.glob(os.path.join(a.dir, "[0-9]*")), key=lambda d: int(os.path.basename(d))):
        size = int(os.path.basename(size_dir))
        for pair_dir in sorted(glob.glob(os.path.join(size_dir, "*__*"))):
            pair = os.path.basename(pair_dir)
            c, s = pair.split("__")
            content_path = os.path.join(a.shared, "images", "content", c + ".jpg")
            style_path = os.path.join(a.shared, "images", "style", s + ".jpg")
            for png in sorted(glob.glob(os.path.join(pair_dir, "*.png"))):
                recipe = os.path.basename(png)[:-4]
                meta_path = png[:-4] + ".json"
                meta = json.load(open(meta_path)) if os.path.exists(meta_path) else {}
                m = judge.measure(png, content_path, style_path, size)
                m.update({"size": size, "pair": pair, "recipe": recipe,
                          "wall": meta.get("wall"), "evals": meta.get("evals")})
                results.append(m)
    recipes = a.recipes.split(",") if a.recipes else sorted({r["recipe"] for r in results})
    base = {(r["size"], r["pair"]): r for r in results if r["recipe"] == a.baseline}
    for r in results:
        b = base.get((r["size"], r["pair"]))
        if b is not None:
            r["vs_baseline"] = {k: (r[k] / b[k] if b[k] else None)
                                for k in ["lattice", "sharpness", "style", "wall"]
                                if r.get(k) is not None and b.get(k) is not None}
    json.dump({"baseline": a.baseline, "results": results}, open(os.path.join(a.dir, "quality.json"), "w"),
              indent=1)
    lines = ["| size | pair | recipe | lattice | sharpness | style (SWD) | content | wall s | evals |"
             " lattice / ref | sharp / ref | style / ref | wall / ref |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    order = {n: i for i, n in enumerate(recipes)}
    for r in sorted(results, key=lambda r: (r["size"], r["pair"], order.get(r["recipe"], 99))):
        v = r.get("vs_baseline", {})
        f = lambda k: "%.2f" % v[k] if v.get(k) is not None else ""
        lines.append("| %d | %s | %s | %.1f | %.2f | %.4f | %.3f | %s | %s | %s | %s | %s | %s |" % (
            r["size"], r["pair"], r["recipe"], r["lattice"], r["sharpness"], r["style"], r["content"],
            "%.1f" % r["wall"] if r["wall"] is not None else "", r["evals"] if r["evals"] is not None else "",
            f("lattice"), f("sharpness"), f("style"), f("wall")))
    # per size and recipe: means and the worst pair against the baseline
    lines += ["", "| size | recipe | pairs | mean lattice | mean sharpness | mean style | mean content |"
              " mean wall s | worst lattice / ref | worst sharp / ref | worst style / ref | worst wall / ref |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for size in sorted({r["size"] for r in results}):
        for rec in recipes:
            rs = [r for r in results if r["size"] == size and r["recipe"] == rec]
            if not rs:
                continue
            mean = lambda k: np.mean([r[k] for r in rs if r.get(k) is not None]) if any(
                r.get(k) is not None for r in rs) else float("nan")
            vs = [r["vs_baseline"] for r in rs if "vs_baseline" in r]
            worst = lambda k, fn: ("%.2f" % fn(x[k] for x in vs if x.get(k) is not None)) if any(
                x.get(k) is not None for x in vs) else ""
            lines.append("| %d | %s | %d | %.1f | %.2f | %.4f | %.3f | %.1f | %s | %s | %s | %s |" % (
                size, rec, len(rs), mean("lattice"), mean("sharpness"), mean("style"), mean("content"),
                mean("wall"), worst("lattice", max), worst("sharpness", min), worst("style", max),
                worst("wall", max)))
    text = "\n".join(lines)
    print(text)
    open(os.path.join(a.dir, "quality.md"), "w").write(text + "\n")
    for size in sorted({r["size"] for r in results}):
        pairs = sorted({r["pair"] for r in results if r["size"] == size})
        rows = []
        for pair in pairs:
            c, s = pair.split("__")
            rows.append((os.path.join(a.shared, "images", "content", c + ".jpg"),
                         os.path.join(a.shared, "images", "style", s + ".jpg"),
                         [os.path.join(a.dir, str(size), pair, rec + ".png") for rec in recipes]))
        contact_sheet(rows, recipes, os.path.join(a.dir, "contact-%d.png" % size), min(size, 256))


if __name__ == "__main__":
    main()

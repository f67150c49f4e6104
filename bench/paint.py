#!/usr/bin/python3
"""Peer recipes for the quality benchmark (bench/quality.sh), written independently of the engine.

`reference.py paint --recipe R --content C --style S --size PX --weights W --out OUT.png` paints one
picture with PyTorch (Debian's 1.13) and prints "RESULT {json}" (evaluations, seconds). The weights
are a torchvision-indexed VGG-19 safetensors file in the Caffe convention (BGR, 0..255, mean
subtracted), e.g. the shared partial file; layers the file lacks are left out as the engine's
fallback does (content at the deepest of relu4_2/relu3_2/..., style the relu*_1 layers present).

Recipes:
  simple40  the "40-line" recipe of issue 12: content 1 x mean squared difference at the content
            layer; style 1e3 x sum over layers of the mean squared difference of Gram matrices
            divided by C*H*W; total variation 0.1 x (mean dy^2 + mean dx^2); average pooling;
            torch.optim.LBFGS lr 1, history 100, no line search; start from the content image;
            200 evaluations.
  jcjohnson jcjohnson/neural-style's defaults (neural_style.lua): content 5 x MSE; style 100 per
            layer x MSE of Gram / (C*H*W); tv 1e-3 on the gradient of 1/2 sum of squared
            neighbour differences; max pooling; L-BFGS history 100 without line search (optim.lbfgs,
            which torch.optim.LBFGS ports); start randn x 0.001; 1000 iterations (--evals lowers it).
"""
import argparse
import json
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

import reference

VGG19_INDEX = {0: "conv1_1", 2: "conv1_2", 5: "conv2_1", 7: "conv2_2", 10: "conv3_1", 12: "conv3_2",
               14: "conv3_3", 16: "conv3_4", 19: "conv4_1", 21: "conv4_2", 23: "conv4_3",
               25: "conv4_4", 28: "conv5_1", 30: "conv5_2", 32: "conv5_3", 34: "conv5_4"}
MEAN_BGR = torch.tensor(reference.CAFFE_MEAN_BGR).view(1, 3, 1, 1)


def load_weights(path):
    """conv name -> tensor, from a torchvision-indexed ("features.N.weight") or conv-named file."""
    raw = reference.read_safetensors(path)
    out = {}
    for k, v in raw.items():
        parts = k.split(".")
        if parts[0] == "features" and int(parts[1]) in VGG19_INDEX:
            out[VGG19_INDEX[int(parts[1])] + "." + parts[2]] = v
        else:
            out[k] = v
    return out


class Net:
    """VGG-19 up to the deepest conv the weights hold, with average or max pooling."""

    def __init__(self, weights, pooling):
        self.w = weights
        self.pool = F.avg_pool2d if pooling == "avg" else F.max_pool2d

    def has(self, relu):
        return ("conv" + relu[4:] + ".weight") in self.w

    def extract(self, x, layers):
        wanted = set(layers)
        found = {}
        for bi, block in enumerate(reference.BLOCKS + [["conv5_2", "conv5_3", "conv5_4"]]):
            if bi > 0 and bi < 5:
                x = self.pool(x, 2, 2)
            for conv in block:
                if not wanted:
                    return found
                x = F.relu(F.conv2d(x, self.w[conv + ".weight"], self.w[conv + ".bias"], padding=1))
                relu = "relu" + conv[4:]
                if relu in wanted:
                    found[relu] = x
                    wanted.discard(relu)
        return found


def layers_for(net):
    """The peers' layers (content relu4_2, style relu1_1..relu5_1), within what the weights hold."""
    content = next(l for l in ["relu4_2", "relu3_2", "relu2_2", "relu1_2"] if net.has(l))
    style = [l for l in ["relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"] if net.has(l)]
    return [content], style


def load_image(path, size=None, exact=None):
    """A 1x3xHxW Caffe tensor (BGR, mean subtracted) of the image, longest side `size` (the
    engine's rounding) or exactly `exact` = (w, h)."""
    img = Image.open(path).convert("RGB")
    w, h = img.size
    if exact is None:
        s = size / max(w, h)
        exact = (size if w >= h else max(1, round(w * s)), size if h > w else max(1, round(h * s)))
    img = img.resize(exact, Image.BICUBIC)
    a = torch.from_numpy(np.asarray(img, dtype=np.float32).copy()).permute(2, 0, 1)
    return (a.flip(0).unsqueeze(0) - MEAN_BGR).contiguous()


def save_image(x, path):
    a = (x.detach() + MEAN_BGR).clamp(0, 255)[0].flip(0).permute(1, 2, 0).round().byte().numpy()
    Image.fromarray(a).save(path)


def gram(f):
    _, c, h, w = f.shape
    f = f.reshape(c, h * w)
    return f @ f.t() / (c * h * w)


def recipe(name):
    if name == "simple40":
        return dict(alpha=1.0, beta=1e3, pooling="avg", evals=200, init="content")
    if name == "jcjohnson":
        return dict(alpha=5.0, beta=100.0, pooling="max", evals=1000, init="randn")
    raise SystemExit("unknown recipe " + name)


def tv_loss(name, x):
    if name == "simple40":
        dy = x[:, :, 1:, :] - x[:, :, :-1, :]
        dx = x[:, :, :, 1:] - x[:, :, :, :-1]
        return 0.1 * ((dy * dy).mean() + (dx * dx).mean())
    # jcjohnson's TVLoss: its gradient is that of 1/2 sum over the (H-1)x(W-1) corner region
    xd = x[:, :, :-1, :-1] - x[:, :, :-1, 1:]
    yd = x[:, :, :-1, :-1] - x[:, :, 1:, :-1]
    return 1e-3 * 0.5 * ((xd * xd).sum() + (yd * yd).sum())


def main(argv):
    p = argparse.ArgumentParser(prog="reference.py paint")
    p.add_argument("--recipe", required=True, choices=["simple40", "jcjohnson"])
    p.add_argument("--content", required=True)
    p.add_argument("--style", required=True)
    p.add_argument("--weights", required=True)
    p.add_argument("--size", type=int, default=256)
    p.add_argument("--evals", type=int, default=0, help="0: the recipe's own budget")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True)
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)
    r = recipe(a.recipe)
    budget = a.evals or r["evals"]
    start = time.perf_counter()
    net = Net(load_weights(a.weights), r["pooling"])
    content_layers, style_layers = layers_for(net)
    content = load_image(a.content, a.size)
    style = load_image(a.style, a.size)
    with torch.no_grad():
        targets = net.extract(content, content_layers)
        s = net.extract(style, style_layers)
        grams = {l: gram(s[l]) for l in style_layers}
    if r["init"] == "content":
        x = content.clone()
    else:
        torch.manual_seed(a.seed)
        x = torch.randn(content.shape) * 0.001
    x.requires_grad_(True)
    opt = torch.optim.LBFGS([x], lr=1, max_iter=budget, max_eval=budget, tolerance_grad=-1,
                            tolerance_change=-1, history_size=100, line_search_fn=None)
    state = {"evals": 0, "loss": None, "terms": None}

    def closure():
        opt.zero_grad()
        maps = net.extract(x, content_layers + style_layers)
        c = r["alpha"] * sum(((maps[l] - targets[l]) ** 2).mean() for l in content_layers)
        st = r["beta"] * sum(((gram(maps[l]) - grams[l]) ** 2).mean() for l in style_layers)
        tv = tv_loss(a.recipe, x)
        loss = c + st + tv
        loss.backward()
        state["evals"] += 1
        state["loss"] = loss.item()
        state["terms"] = [c.item(), st.item(), tv.item()]
        if state["evals"] == 1:
            state["first_terms"] = state["terms"]
        return loss

    setup = time.perf_counter() - start
    while state["evals"] < budget:
        before = state["evals"]
        opt.step(closure)
        if state["evals"] == before:
            break
    save_image(x, a.out)
    result = {"mode": "paint", "recipe": a.recipe, "evals": state["evals"], "loss": state["loss"],
              "terms": state["terms"], "first_terms": state.get("first_terms"),
              "content_layers": content_layers, "style_layers": style_layers,
              "setup_seconds": setup, "seconds": time.perf_counter() - start,
              "torch": torch.__version__, "threads": torch.get_num_threads()}
    print("RESULT " + json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/python3
"""Temporal warp error of a stylised clip: per pair of consecutive output frames, the mean absolute
difference in 8-bit levels between frame t and frame t-1 warped into it by the optical flow of the
*content* frames, over the pixels the consistency mask keeps (and over R, G, B). Flicker raises it;
a stylisation that moves with the picture keeps it near the input's own floor (see make_pan.py
--floor and the content line below).

The flow, warp and mask follow nst-video: OpenCV's DIS (medium preset) on the frames' luma,
bilinear backward warping, the forward-backward check of Ruder et al. (2016) section 3.2 with
their thresholds, pixels whose flow leaves the frame and a 1-pixel rim (ConsistencyMask.BORDER)
at 0. The video command prints an RMS version of the same error per frame; this script gives the
mean absolute one from the files alone, so runs made at other settings compare on one measure.

  /usr/bin/python3 bench/video/warp_error.py OUT.mp4.frames [--from 2] [--to N] [--pairs]

OUT.mp4.frames is the work folder that `neural-style video ... --keep-frames` leaves beside the
output (frame-NNNNN.png results, content/frame-NNNNN.png decoded input). Needs python3-opencv,
numpy and PIL (Debian packages). Prints the mean over the pairs for the output and, for reference,
for the content frames themselves.
"""
import argparse
import os

import cv2
import numpy as np
from PIL import Image

BORDER = 1


def load(path):
    return np.asarray(Image.open(path).convert("RGB")).astype(np.float64)


def luma(rgb):
    y = 0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]
    return np.clip(np.rint(y), 0, 255).astype(np.uint8)


def sample(img, px, py):
    """Bilinear samples of img (H, W[, C]) at real positions already within the frame."""
    h, w = img.shape[:2]
    x0 = np.minimum(px.astype(int), w - 1)
    y0 = np.minimum(py.astype(int), h - 1)
    x1 = np.minimum(x0 + 1, w - 1)
    y1 = np.minimum(y0 + 1, h - 1)
    fx = px - x0
    fy = py - y0
    if img.ndim == 3:
        fx = fx[..., None]
        fy = fy[..., None]
    top = img[y0, x0] * (1 - fx) + img[y0, x1] * fx
    bottom = img[y1, x0] * (1 - fx) + img[y1, x1] * fx
    return top * (1 - fy) + bottom * fy


def mask(forward, backward):
    """ConsistencyMask.compute: forward flow t-1 -> t, backward flow t -> t-1, both (H, W, 2)."""
    h, w = backward.shape[:2]
    u = backward[..., 0].astype(np.float64)
    v = backward[..., 1].astype(np.float64)
    ys, xs = np.mgrid[0:h, 0:w]
    px = xs + u
    py = ys + v
    inside = (px >= 0) & (py >= 0) & (px <= w - 1) & (py <= h - 1)
    pxc = np.clip(px, 0, w - 1)
    pyc = np.clip(py, 0, h - 1)
    fu = sample(forward[..., 0].astype(np.float64), pxc, pyc)
    fv = sample(forward[..., 1].astype(np.float64), pxc, pyc)
    su = fu + u
    sv = fv + v
    back2 = u * u + v * v
    disoccluded = su * su + sv * sv > 0.01 * (fu * fu + fv * fv + back2) + 0.5

    def grad2(p):
        # central differences inside, one-sided at the edges (as gradient2 in Java)
        gx = np.zeros_like(p)
        gy = np.zeros_like(p)
        gx[:, 1:-1] = (p[:, 2:] - p[:, :-2]) / 2
        gx[:, 0] = p[:, 1] - p[:, 0]
        gx[:, -1] = p[:, -1] - p[:, -2]
        gy[1:-1] = (p[2:] - p[:-2]) / 2
        gy[0] = p[1] - p[0]
        gy[-1] = p[-1] - p[-2]
        return gx * gx + gy * gy

    boundary = grad2(u) + grad2(v) > 0.01 * back2 + 0.002
    m = inside & ~disoccluded & ~boundary
    m[:BORDER] = False
    m[-BORDER:] = False
    m[:, :BORDER] = False
    m[:, -BORDER:] = False
    return m


def warp(image, backward):
    h, w = backward.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w]
    px = np.clip(xs + backward[..., 0], 0, w - 1)
    py = np.clip(ys + backward[..., 1], 0, h - 1)
    return sample(image, px, py)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("work", help="work folder: frame-NNNNN.png and content/frame-NNNNN.png")
    p.add_argument("--from", dest="first", type=int, default=2, help="first frame t of a pair")
    p.add_argument("--to", dest="last", type=int, help="last frame t (default: the last one)")
    p.add_argument("--pairs", action="store_true", help="print every pair")
    args = p.parse_args()
    names = sorted(n for n in os.listdir(args.work) if n.startswith("frame-") and n.endswith(".png"))
    count = len(names)
    last = args.last or count
    dis = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_MEDIUM)
    out_errors, in_errors, coverage = [], [], []
    for t in range(max(2, args.first), last + 1):
        a = "frame-%05d.png" % (t - 1)
        b = "frame-%05d.png" % t
        ca = load(os.path.join(args.work, "content", a))
        cb = load(os.path.join(args.work, "content", b))
        forward = dis.calc(luma(ca), luma(cb), None)
        backward = dis.calc(luma(cb), luma(ca), None)
        m = mask(forward, backward)
        out = np.abs(load(os.path.join(args.work, b)) - warp(load(os.path.join(args.work, a)), backward))
        inp = np.abs(cb - warp(ca, backward))
        out_errors.append(out[m].mean())
        in_errors.append(inp[m].mean())
        coverage.append(m.mean())
        if args.pairs:
            print("frame %3d  output %6.2f  content %5.2f  mask %.3f"
                  % (t, out_errors[-1], in_errors[-1], coverage[-1]))
    print("warp error, frames %d-%d: output %.2f levels, content %.2f levels (mask mean %.3f)"
          % (max(2, args.first), last, np.mean(out_errors), np.mean(in_errors), np.mean(coverage)))


if __name__ == "__main__":
    main()

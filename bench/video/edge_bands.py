#!/usr/bin/python3
"""Measures edge bands of a stylised clip: per frame, the mean RGB offset of the result from its
content frame along each edge (row 0, row 1, last row, first and last column) and in the interior.

A band that grows with the frame number in temporal runs but not in independent ones (--temporal-
weight 0) is drift carried from frame to frame by the warped start and the temporal loss.

  /usr/bin/python3 bench/video/edge_bands.py OUT.mp4.frames [FRAME ...]

OUT.mp4.frames is the work folder that `neural-style video ... --keep-frames` leaves beside the
output (frame-NNNNN.png results, content/frame-NNNNN.png decoded input).
"""
import os
import sys

import numpy as np
from PIL import Image


def load(path):
    return np.asarray(Image.open(path).convert("RGB")).astype(np.float64)


def main():
    work = sys.argv[1]
    names = sorted(n for n in os.listdir(work) if n.startswith("frame-") and n.endswith(".png"))
    wanted = set(int(a) for a in sys.argv[2:])
    for name in names:
        k = int(name[6:11])
        if wanted and k not in wanted:
            continue
        d = load(os.path.join(work, name)) - load(os.path.join(work, "content", name))
        h, w, _ = d.shape
        m = max(2, w // 16)  # keep the corners out of the edge means

        def band(region):
            return "(%+.1f %+.1f %+.1f)" % tuple(region.reshape(-1, 3).mean(0))

        print(
            "frame %3d  top0 %s  top1 %s  bottom %s  left %s  right %s  interior %s"
            % (k, band(d[0, m:-m]), band(d[1, m:-m]), band(d[-1, m:-m]), band(d[m:-m, 0]),
               band(d[m:-m, -1]), band(d[m:-m, m:-m])))


if __name__ == "__main__":
    main()

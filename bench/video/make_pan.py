#!/usr/bin/python3
"""Writes the video demo's input clip: a slow pan and zoom over the Tuebingen photo.

The window moves right and closes in smoothly (cosine easing), so consecutive frames differ by a
sub-pixel pan (about 1.4 px per frame at 256 px) and a zoom of about 0.3% per frame. Each frame is
rendered at 4x the output size from the photo (bicubic) and reduced to the output size with an
antialiasing bicubic filter: sampling the photo directly at the output size aliased its fine detail
differently from frame to frame, so that even the exact motion did not map one frame onto the next
(the floor under any warp error: 10.44 levels at 256 px and 48 frames sampled directly, 2.43
rendered at 4x; a box filter for the reduction left 4.0). Frames go to DIR/frame-NNN.png; with --mp4 the same frames are also encoded losslessly-ish
(x264, crf 8) for the video command's file input. --floor prints that floor: the mean absolute
difference in 8-bit levels between each frame and the one before warped by the exact motion.

  /usr/bin/python3 bench/video/make_pan.py --out /tmp/pan256 --size 256 --frames 48 --mp4 /tmp/pan256.mp4

The photo: ../shared/images/content/tubingen.jpg (Andreas Praefcke, see ../shared/images/README).
"""
import argparse
import math
import os
import subprocess

from PIL import Image


def windows(sw, sh, size, count):
    """Per frame, the affine map (a, x0, e, y0) from output pixel coordinates to the photo's:
    photo x = a * x + x0, photo y = e * y + y0 (PIL's convention, pixel corners)."""
    out_w = size
    out_h = size * 3 // 4 // 2 * 2
    for t in range(count):
        s = 0.5 - 0.5 * math.cos(math.pi * t / max(1, count - 1))  # 0 -> 1, eased
        crop_w = sw * (0.80 - 0.10 * s)  # zoom in by 1/0.875
        crop_h = crop_w * out_h / out_w
        cx = sw * (0.40 + 0.20 * s)
        cy = sh * 0.50
        yield out_w, out_h, (crop_w / out_w, cx - crop_w / 2, crop_h / out_h, cy - crop_h / 2)


def frames(photo, size, count, n=4):
    src = Image.open(photo).convert("RGB")
    for out_w, out_h, (a, x0, e, y0) in windows(*src.size, size, count):
        big = src.transform(
            (out_w * n, out_h * n),
            Image.AFFINE,
            (a / n, 0, x0, 0, e / n, y0),
            resample=Image.BICUBIC,
        )
        # Antialiased reduction (PIL widens the bicubic kernel by the factor n).
        yield big.resize((out_w, out_h), Image.BICUBIC) if n > 1 else big


def floor(photo, size, count, images):
    """Mean absolute difference (8-bit levels) of frame t and frame t-1 warped by the exact motion,
    over the pixels whose source lies inside frame t-1, averaged over the pairs."""
    import numpy as np

    with Image.open(photo) as im:
        maps = [m for _, _, m in windows(*im.size, size, count)]
    errors = []
    for t in range(1, count):
        prev = np.asarray(images[t - 1], dtype=np.float64)
        cur = np.asarray(images[t], dtype=np.float64)
        h, w, _ = cur.shape
        a1, x1, e1, y1 = maps[t]
        a0, x0, e0, y0 = maps[t - 1]
        ys, xs = np.mgrid[0:h, 0:w] + 0.5  # pixel centres of frame t
        px = (a1 * xs + x1 - x0) / a0 - 0.5  # same photo point in frame t-1
        py = (e1 * ys + y1 - y0) / e0 - 0.5
        inside = (px >= 0) & (py >= 0) & (px <= w - 1) & (py <= h - 1)
        px = np.clip(px, 0, w - 1)
        py = np.clip(py, 0, h - 1)
        ix = np.minimum(px.astype(int), w - 2)
        iy = np.minimum(py.astype(int), h - 2)
        fx = (px - ix)[..., None]
        fy = (py - iy)[..., None]
        warped = (prev[iy, ix] * (1 - fx) * (1 - fy) + prev[iy, ix + 1] * fx * (1 - fy)
                  + prev[iy + 1, ix] * (1 - fx) * fy + prev[iy + 1, ix + 1] * fx * fy)
        errors.append(np.abs(cur - warped)[inside].mean())
    return sum(errors) / len(errors)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--photo", default=os.path.join(
        os.environ.get("NST_SHARED_DIR", os.path.join(here, "../../../shared")),
        "images/content/tubingen.jpg"))
    p.add_argument("--out", required=True, help="folder for frame-NNN.png")
    p.add_argument("--size", type=int, default=256, help="frame width (height is 3/4 of it)")
    p.add_argument("--frames", type=int, default=48)
    p.add_argument("--fps", type=int, default=24)
    p.add_argument("--mp4", help="also encode the frames into this .mp4 (needs ffmpeg)")
    p.add_argument("--oversample", type=int, default=4,
                   help="render at this multiple of the size, then reduce with antialiasing (1: sample the"
                        " photo at the output size, as before)")
    p.add_argument("--floor", action="store_true",
                   help="print the exact-motion warp error of the frames (needs numpy)")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    images = list(frames(args.photo, args.size, args.frames, args.oversample))
    for i, im in enumerate(images, 1):
        im.save(os.path.join(args.out, "frame-%03d.png" % i))
    if args.floor:
        print("exact-motion warp error: %.2f levels (mean over %d pairs)"
              % (floor(args.photo, args.size, args.frames, images), args.frames - 1))
    if args.mp4:
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-framerate", str(args.fps),
             "-i", os.path.join(args.out, "frame-%03d.png"),
             "-c:v", "libx264", "-crf", "8", "-pix_fmt", "yuv420p", args.mp4],
            check=True)


if __name__ == "__main__":
    main()

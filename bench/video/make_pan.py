#!/usr/bin/python3
"""Writes the video demo's input clip: a slow pan and zoom over the Tuebingen photo.

The window moves right and closes in smoothly (cosine easing), sampled from the full-resolution
photo with bicubic filtering, so consecutive frames differ by a sub-pixel pan (about 1.4 px per
frame at 256 px) and a zoom of about 0.3% per frame. Frames go to DIR/frame-NNN.png; with --mp4 the
same frames are also encoded losslessly-ish (x264, crf 8) for the video command's file input.

  /usr/bin/python3 bench/video/make_pan.py --out /tmp/pan256 --size 256 --frames 48 --mp4 /tmp/pan256.mp4

The photo: ../shared/images/content/tubingen.jpg (Andreas Praefcke, see ../shared/images/README).
"""
import argparse
import math
import os
import subprocess

from PIL import Image


def frames(photo, size, count):
    src = Image.open(photo).convert("RGB")
    sw, sh = src.size
    out_w = size
    out_h = size * 3 // 4 // 2 * 2
    for t in range(count):
        s = 0.5 - 0.5 * math.cos(math.pi * t / max(1, count - 1))  # 0 -> 1, eased
        crop_w = sw * (0.80 - 0.10 * s)  # zoom in by 1/0.875
        crop_h = crop_w * out_h / out_w
        cx = sw * (0.40 + 0.20 * s)
        cy = sh * 0.50
        x0 = cx - crop_w / 2
        y0 = cy - crop_h / 2
        # Affine map from output pixel centres to source coordinates.
        a = crop_w / out_w
        e = crop_h / out_h
        yield src.transform(
            (out_w, out_h),
            Image.AFFINE,
            (a, 0, x0, 0, e, y0),
            resample=Image.BICUBIC,
        )


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--photo", default=os.path.join(here, "../../../shared/images/content/tubingen.jpg"))
    p.add_argument("--out", required=True, help="folder for frame-NNN.png")
    p.add_argument("--size", type=int, default=256, help="frame width (height is 3/4 of it)")
    p.add_argument("--frames", type=int, default=48)
    p.add_argument("--fps", type=int, default=24)
    p.add_argument("--mp4", help="also encode the frames into this .mp4 (needs ffmpeg)")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for i, im in enumerate(frames(args.photo, args.size, args.frames), 1):
        im.save(os.path.join(args.out, "frame-%03d.png" % i))
    if args.mp4:
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-framerate", str(args.fps),
             "-i", os.path.join(args.out, "frame-%03d.png"),
             "-c:v", "libx264", "-crf", "8", "-pix_fmt", "yuv420p", args.mp4],
            check=True)


if __name__ == "__main__":
    main()

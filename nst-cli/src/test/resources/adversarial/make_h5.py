"""Writes the adversarial HDF5 fixtures of AdversarialCliTest with h5py (python3-h5py).

soft-link-loop.h5: layer block1_conv1 is a soft link to /a, which links back to /block1_conv1.
weight-link-loop.h5: the kernel named by weight_names is a soft link to itself.
external-link.h5: the kernel is an external link to another file (refused: only this file is verified).
"""
import h5py
import numpy as np

def keras_root(f):
    f.attrs["layer_names"] = np.array([b"block1_conv1"])
    f.attrs["backend"] = b"tensorflow"
    f.attrs["keras_version"] = b"2.2.4"

with h5py.File("soft-link-loop.h5", "w") as f:
    keras_root(f)
    f["a"] = h5py.SoftLink("/block1_conv1")
    f["block1_conv1"] = h5py.SoftLink("/a")

with h5py.File("weight-link-loop.h5", "w") as f:
    keras_root(f)
    g = f.create_group("block1_conv1")
    g.attrs["weight_names"] = np.array([b"block1_conv1/kernel:0", b"block1_conv1/bias:0"])
    g2 = g.create_group("block1_conv1")
    g2["kernel:0"] = h5py.SoftLink("/block1_conv1/block1_conv1/kernel:0")
    g2["bias:0"] = np.zeros(64, dtype=np.float32)

with h5py.File("external-link.h5", "w") as f:
    keras_root(f)
    g = f.create_group("block1_conv1")
    g.attrs["weight_names"] = np.array([b"block1_conv1/kernel:0", b"block1_conv1/bias:0"])
    g2 = g.create_group("block1_conv1")
    g2["kernel:0"] = h5py.ExternalLink("/tmp/neural-style-fifo", "/kernel")
    g2["bias:0"] = np.zeros(64, dtype=np.float32)

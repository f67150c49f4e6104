/**
 * Internal: PyTorch {@code .pth} files in all three containers (zip, legacy stream, 2017 tar),
 * entered through {@link dev.neuralstyle.weights.torch.TorchPthReader}. Their pickles are run by a
 * restricted virtual machine ({@code RestrictedUnpickler}) that knows tensors, storages and ordered
 * dictionaries and refuses everything else, so a weights file never runs code.
 */
package dev.neuralstyle.weights.torch;

/**
 * Internal: what every weights reader returns. A {@link dev.neuralstyle.weights.tensor.TensorFile}
 * lists a file's tensors as {@link dev.neuralstyle.weights.tensor.RawTensor}s (name, {@link
 * dev.neuralstyle.weights.tensor.DType}, shape, values read on demand from {@link
 * dev.neuralstyle.weights.tensor.FileRegions}); {@link dev.neuralstyle.weights.tensor.KernelLayout}
 * turns other frameworks' kernel layouts into PyTorch's OIHW.
 */
package dev.neuralstyle.weights.tensor;

/**
 * VGG convolution weights: reading any supported file into checked, mapped layers.
 *
 * <p>The library face is {@link dev.neuralstyle.weights.WeightsLoader#load} and its result {@link
 * dev.neuralstyle.weights.VggWeights} (with {@link dev.neuralstyle.weights.WeightFormat}). This
 * package also maps a file's tensors onto VGG layers: {@code LayerMapper} (names and order), {@code
 * ConventionDetector} (the input convention a file states), {@code NormalisedNetwork} and {@code
 * ActivationScale} (Gatys et al.'s normalised VGG-19).
 *
 * <p>The sub-packages do one job each and are internal (public only so that this package can call
 * them): {@code tensor} holds what every reader returns (a file's raw tensors, dtypes, kernel
 * layouts); one package per format family reads files ({@code torch}: pickles and the three PyTorch
 * containers; {@code hdf5}: Keras; {@code safetensors}; {@code numpy}; {@code protobuf}: Caffe and
 * TensorFlow; {@code matlab}: MatConvNet); {@code download} finds, fetches and verifies the
 * published files.
 */
package dev.neuralstyle.weights;

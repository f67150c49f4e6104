/**
 * Internal: {@code .safetensors} files ({@link
 * dev.neuralstyle.weights.safetensors.SafetensorsReader}: bounded JSON header, exact dtype names,
 * tensor values read on demand).
 */
package dev.neuralstyle.weights.safetensors;

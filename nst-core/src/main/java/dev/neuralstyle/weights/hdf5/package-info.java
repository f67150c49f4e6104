/**
 * Internal: Keras HDF5 weight files ({@link dev.neuralstyle.weights.hdf5.KerasH5Reader}, through
 * jHDF on a memory mapping of the file; soft-link loops and external links refused).
 */
package dev.neuralstyle.weights.hdf5;

/**
 * Finding, downloading and verifying the published VGG weight files.
 *
 * <p>{@link dev.neuralstyle.weights.download.WeightsCatalog} lists the official files with their
 * URLs and integrity values, {@link dev.neuralstyle.weights.download.WeightsCache} knows where they
 * are kept, {@link dev.neuralstyle.weights.download.WeightsDownloader} fetches one (resumable, then
 * verified, then renamed into place) and {@link dev.neuralstyle.weights.download.WeightsVerifier}
 * checks a file that is already on disk. Reading the files is the job of the parent package.
 */
package dev.neuralstyle.weights.download;

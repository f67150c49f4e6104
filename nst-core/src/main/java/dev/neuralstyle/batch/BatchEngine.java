package dev.neuralstyle.batch;

import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import dev.neuralstyle.transfer.TransferCaches;
import dev.neuralstyle.weights.VggWeights;
import java.util.function.BooleanSupplier;

/**
 * The engine of a process that runs many transfers: the weights, loaded once, one {@link
 * StyleTransfer} over them and the {@link TransferCaches} that keep its feature stacks and style
 * targets between runs. One transfer at a time (PyTorch allows one gradient collection per
 * process); every runner of a batch (local or a Spark executor) holds one.
 */
public final class BatchEngine implements AutoCloseable {
  /** Gram matrices kept: 64 M floats (256 MB), hundreds of styles at VGG-19's widths. */
  private static final long MAX_STYLE_FLOATS = 64L << 20;

  private final VggWeights weights;
  private final TransferCaches caches;
  private final StyleTransfer transfer;
  private int transfers;

  /** Runs transfers with {@code weights}. */
  public BatchEngine(VggWeights weights) {
    this.weights = weights;
    this.caches = TransferCaches.create(MAX_STYLE_FLOATS);
    this.transfer = new StyleTransfer(weights, weights.preprocessing(), caches);
  }

  /** The weights. */
  public VggWeights weights() {
    return weights;
  }

  /** What the engine kept between transfers (for its counters). */
  public TransferCaches caches() {
    return caches;
  }

  /** How many transfers ran (started, including failed ones). */
  public int transfers() {
    return transfers;
  }

  /** Runs one transfer; see {@link StyleTransfer#run}. */
  public synchronized StyleTransferResult run(
      StyleTransferRequest request, ProgressListener listener, BooleanSupplier cancelled) {
    transfers++;
    return transfer.run(request, listener, cancelled);
  }

  /** Releases the native memory of the transfer and the kept networks. */
  @Override
  public void close() {
    transfer.close();
    caches.close();
  }
}

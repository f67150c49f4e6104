package dev.neuralstyle.transfer;

import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import java.nio.file.Path;
import java.util.List;

/**
 * Mutable builder of a {@link StyleTransferRequest}; starts from the defaults of the {@link
 * Settings} schema. {@link #build()} validates.
 */
public final class StyleTransferRequestBuilder {
  private Path content;
  private List<Path> styles;
  private List<Double> styleBlend;
  private VggModel model;
  private PoolingMode pooling;
  private int size;
  private double styleScale;
  private int styleSize;
  private List<String> contentLayers;
  private List<String> styleLayers;
  private List<Double> styleLayerWeights;
  private double contentWeight;
  private double styleWeight;
  private double tvWeight;
  private LossForm lossForm;
  private TvForm tvForm;
  private boolean adaptiveWeights;
  private OptimizerKind optimizer;
  private int iterations;
  private double learningRate;
  private int lbfgsHistory;
  private InitSpec init;
  // Whether init was chosen: without a content image (a texture) the default start is noise.
  private boolean initChosen;
  private long seed;
  private int snapshotEvery;
  private Preprocessing preprocessing;
  private double tolerance;
  private long maxPixels;
  private ColorPreservation colorPreservation;
  private List<Integer> scales;
  private Path contentMask;
  private List<Path> styleMasks;
  private int width;
  private int height;
  private Precision precision;
  private DeviceSpec device;
  private boolean seamless;
  private int tile;
  private int toleranceWindow;

  /** Holds every setting's default ({@link Settings}). */
  StyleTransferRequestBuilder() {
    for (Setting<?> s : Settings.all()) {
      s.reset(this);
    }
    initChosen = false;
  }

  StyleTransferRequestBuilder(StyleTransferRequest r) {
    this.content = r.content();
    this.styles = r.styles();
    this.styleBlend = r.styleBlend();
    this.model = r.model();
    this.pooling = r.pooling();
    this.size = r.size();
    this.styleScale = r.styleScale();
    this.styleSize = r.styleSize();
    this.contentLayers = r.contentLayers();
    this.styleLayers = r.styleLayers();
    this.styleLayerWeights = r.styleLayerWeights();
    this.contentWeight = r.contentWeight();
    this.styleWeight = r.styleWeight();
    this.tvWeight = r.tvWeight();
    this.lossForm = r.lossForm();
    this.tvForm = r.tvForm();
    this.adaptiveWeights = r.adaptiveWeights();
    this.optimizer = r.optimizer();
    this.iterations = r.iterations();
    this.learningRate = r.learningRate();
    this.lbfgsHistory = r.lbfgsHistory();
    this.init = r.init();
    this.initChosen = true;
    this.seed = r.seed();
    this.snapshotEvery = r.snapshotEvery();
    this.preprocessing = r.preprocessing();
    this.tolerance = r.tolerance();
    this.maxPixels = r.maxPixels();
    this.colorPreservation = r.colorPreservation();
    this.scales = r.scales();
    this.contentMask = r.contentMask();
    this.styleMasks = r.styleMasks();
    this.width = r.width();
    this.height = r.height();
    this.precision = r.precision();
    this.device = r.device();
    this.seamless = r.seamless();
    this.tile = r.tile();
    this.toleranceWindow = r.toleranceWindow();
  }

  /** Sets {@link StyleTransferRequest#content()}. */
  public StyleTransferRequestBuilder content(Path content) {
    this.content = content;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#content()}. */
  public Path content() {
    return content;
  }

  /** Sets {@link StyleTransferRequest#styles()}. */
  public StyleTransferRequestBuilder styles(List<Path> styles) {
    this.styles = styles;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#styles()}. */
  public List<Path> styles() {
    return styles;
  }

  /** Sets {@link StyleTransferRequest#styleBlend()}. */
  public StyleTransferRequestBuilder styleBlend(List<Double> styleBlend) {
    this.styleBlend = styleBlend;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#styleBlend()}. */
  public List<Double> styleBlend() {
    return styleBlend;
  }

  /** Sets {@link StyleTransferRequest#model()}. */
  public StyleTransferRequestBuilder model(VggModel model) {
    this.model = model;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#model()}. */
  public VggModel model() {
    return model;
  }

  /** Sets {@link StyleTransferRequest#pooling()}. */
  public StyleTransferRequestBuilder pooling(PoolingMode pooling) {
    this.pooling = pooling;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#pooling()}. */
  public PoolingMode pooling() {
    return pooling;
  }

  /** Sets {@link StyleTransferRequest#size()}. */
  public StyleTransferRequestBuilder size(int size) {
    this.size = size;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#size()}. */
  public int size() {
    return size;
  }

  /** Sets {@link StyleTransferRequest#styleScale()}. */
  public StyleTransferRequestBuilder styleScale(double styleScale) {
    this.styleScale = styleScale;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#styleScale()}. */
  public double styleScale() {
    return styleScale;
  }

  /** Sets {@link StyleTransferRequest#styleSize()}. */
  public StyleTransferRequestBuilder styleSize(int styleSize) {
    this.styleSize = styleSize;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#styleSize()}. */
  public int styleSize() {
    return styleSize;
  }

  /** Sets {@link StyleTransferRequest#contentLayers()}. */
  public StyleTransferRequestBuilder contentLayers(List<String> contentLayers) {
    this.contentLayers = contentLayers;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#contentLayers()}. */
  public List<String> contentLayers() {
    return contentLayers;
  }

  /** Sets {@link StyleTransferRequest#styleLayers()}. */
  public StyleTransferRequestBuilder styleLayers(List<String> styleLayers) {
    this.styleLayers = styleLayers;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#styleLayers()}. */
  public List<String> styleLayers() {
    return styleLayers;
  }

  /** Sets {@link StyleTransferRequest#styleLayerWeights()}. */
  public StyleTransferRequestBuilder styleLayerWeights(List<Double> styleLayerWeights) {
    this.styleLayerWeights = styleLayerWeights;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#styleLayerWeights()}. */
  public List<Double> styleLayerWeights() {
    return styleLayerWeights;
  }

  /** Sets {@link StyleTransferRequest#contentWeight()}. */
  public StyleTransferRequestBuilder contentWeight(double contentWeight) {
    this.contentWeight = contentWeight;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#contentWeight()}. */
  public double contentWeight() {
    return contentWeight;
  }

  /** Sets {@link StyleTransferRequest#styleWeight()}. */
  public StyleTransferRequestBuilder styleWeight(double styleWeight) {
    this.styleWeight = styleWeight;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#styleWeight()}. */
  public double styleWeight() {
    return styleWeight;
  }

  /** Sets {@link StyleTransferRequest#tvWeight()}. */
  public StyleTransferRequestBuilder tvWeight(double tvWeight) {
    this.tvWeight = tvWeight;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#tvWeight()}. */
  public double tvWeight() {
    return tvWeight;
  }

  /** Sets {@link StyleTransferRequest#lossForm()}. */
  public StyleTransferRequestBuilder lossForm(LossForm lossForm) {
    this.lossForm = lossForm;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#lossForm()}. */
  public LossForm lossForm() {
    return lossForm;
  }

  /** Sets {@link StyleTransferRequest#tvForm()}. */
  public StyleTransferRequestBuilder tvForm(TvForm tvForm) {
    this.tvForm = tvForm;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#tvForm()}. */
  public TvForm tvForm() {
    return tvForm;
  }

  /** Sets {@link StyleTransferRequest#adaptiveWeights()}. */
  public StyleTransferRequestBuilder adaptiveWeights(boolean adaptiveWeights) {
    this.adaptiveWeights = adaptiveWeights;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#adaptiveWeights()}. */
  public boolean adaptiveWeights() {
    return adaptiveWeights;
  }

  /** Sets {@link StyleTransferRequest#optimizer()}. */
  public StyleTransferRequestBuilder optimizer(OptimizerKind optimizer) {
    this.optimizer = optimizer;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#optimizer()}. */
  public OptimizerKind optimizer() {
    return optimizer;
  }

  /** Sets {@link StyleTransferRequest#iterations()}. */
  public StyleTransferRequestBuilder iterations(int iterations) {
    this.iterations = iterations;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#iterations()}. */
  public int iterations() {
    return iterations;
  }

  /** Sets {@link StyleTransferRequest#learningRate()}. */
  public StyleTransferRequestBuilder learningRate(double learningRate) {
    this.learningRate = learningRate;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#learningRate()}. */
  public double learningRate() {
    return learningRate;
  }

  /** Sets {@link StyleTransferRequest#lbfgsHistory()}. */
  public StyleTransferRequestBuilder lbfgsHistory(int lbfgsHistory) {
    this.lbfgsHistory = lbfgsHistory;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#lbfgsHistory()}. */
  public int lbfgsHistory() {
    return lbfgsHistory;
  }

  /** Sets {@link StyleTransferRequest#init()}. */
  public StyleTransferRequestBuilder init(InitSpec init) {
    this.init = init;
    this.initChosen = true;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#init()}. */
  public InitSpec init() {
    return init;
  }

  /** Sets {@link StyleTransferRequest#seed()}. */
  public StyleTransferRequestBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#seed()}. */
  public long seed() {
    return seed;
  }

  /** Sets {@link StyleTransferRequest#snapshotEvery()}. */
  public StyleTransferRequestBuilder snapshotEvery(int snapshotEvery) {
    this.snapshotEvery = snapshotEvery;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#snapshotEvery()}. */
  public int snapshotEvery() {
    return snapshotEvery;
  }

  /** Sets {@link StyleTransferRequest#preprocessing()}. */
  public StyleTransferRequestBuilder preprocessing(Preprocessing preprocessing) {
    this.preprocessing = preprocessing;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#preprocessing()}. */
  public Preprocessing preprocessing() {
    return preprocessing;
  }

  /** Sets {@link StyleTransferRequest#tolerance()}. */
  public StyleTransferRequestBuilder tolerance(double tolerance) {
    this.tolerance = tolerance;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#tolerance()}. */
  public double tolerance() {
    return tolerance;
  }

  /** Sets {@link StyleTransferRequest#maxPixels()}. */
  public StyleTransferRequestBuilder maxPixels(long maxPixels) {
    this.maxPixels = maxPixels;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#maxPixels()}. */
  public long maxPixels() {
    return maxPixels;
  }

  /** Sets {@link StyleTransferRequest#colorPreservation()}. */
  public StyleTransferRequestBuilder colorPreservation(ColorPreservation colorPreservation) {
    this.colorPreservation = colorPreservation;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#colorPreservation()}. */
  public ColorPreservation colorPreservation() {
    return colorPreservation;
  }

  /** Sets {@link StyleTransferRequest#scales()}. */
  public StyleTransferRequestBuilder scales(List<Integer> scales) {
    this.scales = scales;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#scales()}. */
  public List<Integer> scales() {
    return scales;
  }

  /** Sets {@link StyleTransferRequest#contentMask()}. */
  public StyleTransferRequestBuilder contentMask(Path contentMask) {
    this.contentMask = contentMask;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#contentMask()}. */
  public Path contentMask() {
    return contentMask;
  }

  /** Sets {@link StyleTransferRequest#styleMasks()}. */
  public StyleTransferRequestBuilder styleMasks(List<Path> styleMasks) {
    this.styleMasks = styleMasks;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#styleMasks()}. */
  public List<Path> styleMasks() {
    return styleMasks;
  }

  /**
   * Sets an exact output size, {@link StyleTransferRequest#width()} x {@link
   * StyleTransferRequest#height()}; {@code 0, 0} follows the content image again.
   */
  public StyleTransferRequestBuilder outputSize(int width, int height) {
    this.width = width;
    this.height = height;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#width()}. */
  public int width() {
    return width;
  }

  /** The current value of {@link StyleTransferRequest#height()}. */
  public int height() {
    return height;
  }

  /** Sets {@link StyleTransferRequest#precision()}. */
  public StyleTransferRequestBuilder precision(Precision precision) {
    this.precision = precision;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#precision()}. */
  public Precision precision() {
    return precision;
  }

  /** Sets {@link StyleTransferRequest#device()}. */
  public StyleTransferRequestBuilder device(DeviceSpec device) {
    this.device = device;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#device()}. */
  public DeviceSpec device() {
    return device;
  }

  /** Sets {@link StyleTransferRequest#seamless()}. */
  public StyleTransferRequestBuilder seamless(boolean seamless) {
    this.seamless = seamless;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#seamless()}. */
  public boolean seamless() {
    return seamless;
  }

  /** Sets {@link StyleTransferRequest#tile()}. */
  public StyleTransferRequestBuilder tile(int tile) {
    this.tile = tile;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#tile()}. */
  public int tile() {
    return tile;
  }

  /** Sets {@link StyleTransferRequest#toleranceWindow()}. */
  public StyleTransferRequestBuilder toleranceWindow(int toleranceWindow) {
    this.toleranceWindow = toleranceWindow;
    return this;
  }

  /** The current value of {@link StyleTransferRequest#toleranceWindow()}. */
  public int toleranceWindow() {
    return toleranceWindow;
  }

  /** Validates and returns the request. */
  public StyleTransferRequest build() {
    return new StyleTransferRequest(
        content,
        styles,
        styleBlend,
        model,
        pooling,
        size,
        styleScale,
        styleSize,
        contentLayers,
        styleLayers,
        styleLayerWeights,
        contentWeight,
        styleWeight,
        tvWeight,
        lossForm,
        tvForm,
        adaptiveWeights,
        optimizer,
        iterations,
        learningRate,
        lbfgsHistory,
        content == null && !initChosen ? InitSpec.of(InitMode.NOISE) : init,
        seed,
        snapshotEvery,
        preprocessing,
        tolerance,
        maxPixels,
        colorPreservation,
        scales,
        contentMask,
        styleMasks,
        width,
        height,
        precision,
        device,
        seamless,
        tile,
        toleranceWindow);
  }
}

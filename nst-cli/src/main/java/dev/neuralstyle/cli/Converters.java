package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.ColorPreservation;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.Preset;
import dev.neuralstyle.transfer.Settings;
import picocli.CommandLine.ITypeConverter;

/**
 * picocli converters that accept the command-line names of the library's enums ({@code avg}, {@code
 * vgg19}, ...), each the parser of its {@link Settings} entry's type; a rejected value becomes a
 * usage error naming the option.
 */
final class Converters {
  private Converters() {}

  static final class Model implements ITypeConverter<VggModel> {
    @Override
    public VggModel convert(String value) {
      return VggModel.parse(value);
    }
  }

  static final class Pooling implements ITypeConverter<PoolingMode> {
    @Override
    public PoolingMode convert(String value) {
      return PoolingMode.parse(value);
    }
  }

  static final class PrecisionConverter implements ITypeConverter<Precision> {
    @Override
    public Precision convert(String value) {
      try {
        return Precision.parse(value);
      } catch (NstException e) {
        throw new NstException(CliText.of(e), e); // picocli shows it with its class name
      }
    }
  }

  static final class Convention implements ITypeConverter<Preprocessing> {
    @Override
    public Preprocessing convert(String value) {
      return Preprocessing.parse(value);
    }
  }

  static final class Optimizer implements ITypeConverter<OptimizerKind> {
    @Override
    public OptimizerKind convert(String value) {
      return OptimizerKind.parse(value);
    }
  }

  static final class Loss implements ITypeConverter<LossForm> {
    @Override
    public LossForm convert(String value) {
      return Settings.LOSS_FORM.type().parse().apply(value);
    }
  }

  static final class Tv implements ITypeConverter<TvForm> {
    @Override
    public TvForm convert(String value) {
      return Settings.TV_FORM.type().parse().apply(value);
    }
  }

  static final class PresetName implements ITypeConverter<Preset> {
    @Override
    public Preset convert(String value) {
      return Preset.parse(value);
    }
  }

  static final class Colors implements ITypeConverter<ColorPreservation> {
    @Override
    public ColorPreservation convert(String value) {
      return ColorPreservation.parse(value);
    }
  }

  static final class Init implements ITypeConverter<InitSpec> {
    @Override
    public InitSpec convert(String value) {
      try {
        return InitSpec.parse(value);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(CliText.of(e), e);
      }
    }
  }
}

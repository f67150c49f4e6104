package dev.neuralstyle.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The type of a {@link Setting}: how its value is read from text (a command-line argument, a form
 * field, a jobs-file column) and written back as text, with one wire name per enum value. A value
 * that does not parse throws {@link NumberFormatException} (numbers) or {@link
 * IllegalArgumentException} with the reason.
 *
 * @param <T> the Java type of the value
 * @param name the type's name in documentation ({@code int}, {@code number}, {@code list of layer})
 * @param javaType the value's class (a list's is {@link List})
 * @param element a list's element class, else {@code null}
 * @param parse text to value
 * @param format value to text (the inverse of {@code parse}; {@code null} stays {@code null})
 * @param choices an enumerated type's wire names in order, else empty
 */
public record SettingType<T>(
    String name,
    Class<?> javaType,
    Class<?> element,
    Function<String, T> parse,
    Function<T, String> format,
    List<String> choices) {

  /** A whole number. */
  public static final SettingType<Integer> INTEGER =
      new SettingType<>("int", int.class, null, t -> Integer.parseInt(t.trim()), String::valueOf);

  /** A long whole number. */
  public static final SettingType<Long> LONG =
      new SettingType<>("long", long.class, null, t -> Long.parseLong(t.trim()), String::valueOf);

  /** A decimal number. */
  public static final SettingType<Double> NUMBER =
      new SettingType<>(
          "number", double.class, null, t -> Double.parseDouble(t.trim()), String::valueOf);

  /** A switch: {@code true}, {@code on}, {@code yes}, {@code 1} or their opposites. */
  public static final SettingType<Boolean> BOOLEAN =
      new SettingType<>(
          "boolean",
          boolean.class,
          null,
          SettingType::bool,
          String::valueOf,
          List.of("false", "true"));

  /** Comma-separated names. */
  public static final SettingType<List<String>> WORDS =
      new SettingType<>(
          "list of names", List.class, String.class, SettingType::words, SettingType::join);

  /** Comma-separated numbers. */
  public static final SettingType<List<Double>> NUMBERS =
      new SettingType<>(
          "list of numbers",
          List.class,
          Double.class,
          t -> words(t).stream().map(Double::parseDouble).toList(),
          SettingType::join);

  /** Comma-separated whole numbers. */
  public static final SettingType<List<Integer>> INTEGERS =
      new SettingType<>(
          "list of ints",
          List.class,
          Integer.class,
          t -> words(t).stream().map(Integer::parseInt).toList(),
          SettingType::join);

  /** A file. */
  public static final SettingType<Path> PATH =
      new SettingType<>("file", Path.class, null, t -> Path.of(t.trim()), Path::toString);

  /** Comma-separated files. */
  public static final SettingType<List<Path>> PATHS =
      new SettingType<>(
          "list of files",
          List.class,
          Path.class,
          t -> words(t).stream().map(Path::of).toList(),
          SettingType::join);

  /** Where the optimisation starts ({@link InitSpec#parse}). */
  public static final SettingType<InitSpec> INIT =
      new SettingType<>("init", InitSpec.class, null, InitSpec::parse, InitSpec::describe);

  /** A device ({@link DeviceSpec#parse}). */
  public static final SettingType<DeviceSpec> DEVICE =
      new SettingType<>(
          "device",
          DeviceSpec.class,
          null,
          DeviceSpec::parse,
          DeviceSpec::describe,
          Arrays.stream(DeviceSpec.Kind.values())
              .map(k -> new DeviceSpec(k, 0).describe())
              .toList());

  /** Copies the lists; see the record comment. */
  public SettingType {
    choices = List.copyOf(choices);
  }

  private SettingType(
      String name,
      Class<?> javaType,
      Class<?> element,
      Function<String, T> parse,
      Function<T, String> format) {
    this(name, javaType, element, parse, format, List.of());
  }

  /**
   * An enumerated type.
   *
   * @param type the enum
   * @param wire each constant's one wire name (what is written)
   * @param parse text to constant (may accept more spellings than the wire names, e.g. an old run
   *     record's)
   */
  public static <E extends Enum<E>> SettingType<E> choice(
      Class<E> type, Function<E, String> wire, Function<String, E> parse) {
    return new SettingType<>(
        "one of",
        type,
        null,
        parse,
        e -> e == null ? null : wire.apply(e),
        Arrays.stream(type.getEnumConstants()).map(wire).toList());
  }

  /**
   * An enumerated type whose wire names are the constants' names in lower case; other text fails
   * with "unknown value 'X': expected A, B or C".
   */
  public static <E extends Enum<E>> SettingType<E> lowerCaseChoice(Class<E> type) {
    Function<E, String> wire = e -> e.name().toLowerCase(Locale.ROOT);
    List<String> names = Arrays.stream(type.getEnumConstants()).map(wire).toList();
    return choice(
        type,
        wire,
        text -> {
          int i = names.indexOf(text.trim().toLowerCase(Locale.ROOT));
          if (i < 0) {
            throw new IllegalArgumentException(
                "unknown value '" + text + "': expected " + alternatives(names));
          }
          return type.getEnumConstants()[i];
        });
  }

  /** {@code value} as text, {@code null} for {@code null}. */
  public String text(T value) {
    return value == null ? null : format.apply(value);
  }

  /** {@code a, b or c}. */
  static String alternatives(List<String> names) {
    if (names.size() < 2) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  private static boolean bool(String t) {
    return switch (t.trim().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  private static List<String> words(String t) {
    List<String> list = new ArrayList<>();
    for (String w : t.split(",")) {
      if (!w.isBlank()) {
        list.add(w.trim());
      }
    }
    return List.copyOf(list);
  }

  private static String join(List<?> list) {
    return String.join(",", list.stream().map(String::valueOf).toList());
  }
}

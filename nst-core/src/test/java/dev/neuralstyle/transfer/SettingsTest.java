package dev.neuralstyle.transfer;

import static dev.neuralstyle.CliSpelling.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settings schema covers the request exactly once and round-trips its values as text. */
class SettingsTest {
  @Test
  void every_request_field_has_exactly_one_setting_of_its_type() {
    Set<String> fields = new HashSet<>();
    for (RecordComponent c : StyleTransferRequest.class.getRecordComponents()) {
      List<Setting<?>> matching =
          Settings.all().stream().filter(s -> s.field().equals(c.getName())).toList();
      assertEquals(1, matching.size(), c.getName());
      assertEquals(c.getType(), matching.get(0).type().javaType(), c.getName());
      fields.add(c.getName());
    }
    assertEquals(fields.size(), Settings.all().size(), "no setting without a request field");
  }

  @Test
  void keys_are_unique_and_lower_case_with_dashes() {
    Set<String> keys = new HashSet<>();
    for (Setting<?> s : Settings.all()) {
      assertTrue(keys.add(s.key()), s.key());
      assertTrue(s.key().matches("[a-z][a-z0-9-]*"), s.key());
      assertEquals(s.key(), Settings.canonicalKey(s.key()));
      assertTrue(!s.description().isBlank(), s.key());
    }
    assertEquals("tv-weight", Settings.canonicalKey("tvWeight"));
    assertEquals("tv-weight", Settings.canonicalKey("tv_weight"));
  }

  @Test
  void a_new_builder_holds_every_default_and_each_default_round_trips_as_text() {
    StyleTransferRequestBuilder b = StyleTransferRequest.builder();
    for (Setting<?> s : Settings.all()) {
      assertEquals(s.defaultValue(), s.get().apply(b), s.key());
      String text = s.defaultText();
      if (text != null) {
        StyleTransferRequestBuilder c = StyleTransferRequest.builder();
        s.parseInto(c, text);
        assertEquals(s.defaultValue(), s.get().apply(c), s.key() + " from '" + text + "'");
      }
    }
    assertEquals(Defaults.TV_WEIGHT, Settings.TV_WEIGHT.defaultValue());
  }

  @Test
  void enumerated_settings_have_one_wire_name_per_value_and_read_them_back() {
    assertEquals(List.of("max", "avg"), Settings.POOLING.type().choices());
    assertEquals(
        List.of("paper", "mean", "normalized", "joint", "photo"),
        Settings.LOSS_FORM.type().choices());
    for (Setting<?> s : Settings.all()) {
      List<String> choices = s.type().choices();
      assertEquals(choices.size(), new HashSet<>(choices).size(), s.key());
      for (String wire : choices) {
        StyleTransferRequestBuilder b = StyleTransferRequest.builder();
        s.parseInto(b, wire);
        assertEquals(wire, s.text(b), s.key());
      }
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Settings.LOSS_FORM.parseInto(StyleTransferRequest.builder(), "sum"));
    assertEquals("unknown value 'sum': expected paper, mean, normalized, joint or photo", cli(e));
  }

  @Test
  void a_rule_names_the_option_the_rule_and_the_value() {
    NstException e = assertThrows(NstException.class, () -> Settings.TV_WEIGHT.check(-1.0));
    assertEquals("invalid value for --tv-weight: must be a finite number >= 0, found -1.0", cli(e));
    e =
        assertThrows(
            NstException.class,
            () ->
                StyleTransferRequest.builder()
                    .content(Path.of("c.png"))
                    .styles(List.of(Path.of("s.png")))
                    .toleranceWindow(0)
                    .build());
    assertEquals(
        "invalid value for --tolerance-window: must be between 1 and 100000, found 0", cli(e));
    e = assertThrows(NstException.class, () -> Settings.TILE.check(8));
    assertEquals("invalid value for --tile: must be between 16 and 16384, found 8", cli(e));
  }

  @Test
  void descriptions_refer_only_to_settings_and_options_that_exist() {
    java.util.regex.Pattern ref = java.util.regex.Pattern.compile("\\{([a-z0-9-]+)}");
    for (Setting<?> s : Settings.all()) {
      java.util.regex.Matcher m = ref.matcher(s.description());
      while (m.find()) {
        String key = m.group(1);
        assertTrue(
            Settings.byKey(key).isPresent() || List.of("preset", "weights").contains(key),
            s.key() + " refers to {" + key + "}");
      }
    }
  }
}

package dev.neuralstyle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A setting problem carries its keys, rule and value; each front end spells the keys its way. */
class SettingExceptionTest {
  @Test
  void a_rule_carries_the_key_the_rule_and_the_value_found() {
    SettingException e = SettingException.mustBe("tv-weight", ">= 0", -1.0);
    assertEquals(List.of("tv-weight"), e.keys());
    assertEquals("must be >= 0", e.rule());
    assertEquals("-1.0", e.found());
    assertEquals("invalid value for tv-weight: must be >= 0, found -1.0", e.getMessage());
    assertEquals(
        "invalid value for --tv-weight: must be >= 0, found -1.0", e.message(k -> "--" + k));
    assertEquals("must be >= 0, found -1.0", e.reason(k -> k));
  }

  @Test
  void references_in_the_rule_are_rendered_but_the_value_found_is_shown_as_it_is() {
    SettingException e = SettingException.invalid("scales", "each up to {size} 64", "[{size}]");
    assertEquals(
        "invalid value for --scales: each up to --size 64, found [{size}]",
        e.message(k -> "--" + k));
    assertEquals("each up to size 64, found [{size}]", e.reason(k -> k));
  }

  @Test
  void a_rule_across_settings_names_each_and_a_missing_value_has_no_rule() {
    SettingException e =
        SettingException.invalid(List.of("width", "height"), "give both or neither", "0x20");
    assertEquals(
        "invalid value for --width/--height: give both or neither, found 0x20",
        e.message(k -> "--" + k));
    SettingException missing = SettingException.missing("device");
    assertEquals("missing value for device", missing.getMessage());
    assertEquals("missing value", missing.reason(k -> k));
  }

  @Test
  void a_plain_message_is_taken_as_it_is_and_a_mentioning_one_is_rendered() {
    assertEquals("{size} stays", new NstException("{size} stays").message(k -> "--" + k));
    NstException m = NstException.mentioning("use a smaller {size} or {style-size}");
    assertEquals("use a smaller size or style-size", m.getMessage());
    assertEquals("use a smaller --size or --style-size", m.message(k -> "--" + k));
  }
}

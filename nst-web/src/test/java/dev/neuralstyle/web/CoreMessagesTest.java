package dev.neuralstyle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neuralstyle.NstException;
import dev.neuralstyle.SettingException;
import dev.neuralstyle.web.FormException.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library's setting keys become field keys and readable reasons. */
class CoreMessagesTest {
  @Test
  void the_setting_at_fault_names_the_field_and_the_rest_is_the_reason() {
    assertEquals(
        List.of(new FieldError("tv-weight", "must be >= 0, found -1.0")),
        CoreMessages.errors(SettingException.mustBe("tv-weight", ">= 0", -1.0), "x"));
  }

  @Test
  void a_rule_across_two_settings_names_both_fields() {
    assertEquals(
        List.of(
            new FieldError("content-layers", "at least one layer is required"),
            new FieldError("style-layers", "at least one layer is required")),
        CoreMessages.errors(
            SettingException.invalid(
                List.of("content-layers", "style-layers"), "at least one layer is required", null),
            "x"));
  }

  @Test
  void settings_in_the_reason_are_written_as_keys_and_images_map_to_their_uploads() {
    assertEquals(
        List.of(new FieldError("scales", "sizes must increase, each up to size")),
        CoreMessages.errors(
            SettingException.invalid("scales", "sizes must increase, each up to {size}"), "x"));
    assertEquals(
        "style",
        CoreMessages.errors(SettingException.invalid("style", "none"), "x").get(0).field());
    assertEquals(
        "init",
        CoreMessages.errors(
                SettingException.invalidPart("init", "blend ratio", "in [0, 1]", 2), "x")
            .get(0)
            .field());
  }

  @Test
  void a_problem_naming_no_field_goes_to_the_fallback() {
    assertEquals(
        List.of(new FieldError("settings", "out of memory")),
        CoreMessages.errors(new NstException("out of memory"), "settings"));
    assertEquals(
        "settings",
        CoreMessages.errors(SettingException.invalid("style-mask", "needs a mask"), "settings")
            .get(0)
            .field());
  }
}

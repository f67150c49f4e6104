package dev.neuralstyle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neuralstyle.web.FormException.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library's option wording becomes field keys and readable reasons. */
class CoreMessagesTest {
  @Test
  void the_option_in_the_subject_names_the_field_and_the_rest_is_the_reason() {
    assertEquals(
        List.of(new FieldError("tv-weight", "must be >= 0, found -1.0")),
        CoreMessages.errors("invalid value for --tv-weight: must be >= 0, found -1.0", "x"));
  }

  @Test
  void a_subject_with_two_options_names_both_fields() {
    assertEquals(
        List.of(
            new FieldError("content-layers", "at least one layer is required"),
            new FieldError("style-layers", "at least one layer is required")),
        CoreMessages.errors(
            "invalid value for --content-layers/--style-layers: at least one layer is required",
            "x"));
  }

  @Test
  void options_in_the_reason_lose_their_dashes_and_images_map_to_their_uploads() {
    assertEquals(
        List.of(new FieldError("scales", "sizes must increase, each up to size")),
        CoreMessages.errors(
            "invalid value for --scales: sizes must increase, each up to --size", "x"));
    assertEquals(
        "style", CoreMessages.errors("invalid value for --style: none", "x").get(0).field());
    assertEquals(
        "init", CoreMessages.errors("invalid value for --init blend ratio: 2", "x").get(0).field());
  }

  @Test
  void a_message_naming_no_field_goes_to_the_fallback() {
    assertEquals(
        List.of(new FieldError("settings", "out of memory")),
        CoreMessages.errors("out of memory", "settings"));
    assertEquals(
        "settings",
        CoreMessages.errors("invalid value for --style-mask: needs a mask", "settings")
            .get(0)
            .field());
  }
}

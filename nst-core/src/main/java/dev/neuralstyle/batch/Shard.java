package dev.neuralstyle.batch;

import dev.neuralstyle.SettingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of a job list one of {@code count} processes runs: jobs {@code index - 1}, {@code index
 * - 1 + count}, {@code index - 1 + 2 count}, ... of the ordered list. Every process computes the
 * same list (inputs are sorted), so the shards cover every job exactly once with no coordinator,
 * and round-robin keeps their sizes within one job of each other.
 *
 * @param index this shard, 1 to {@code count}
 * @param count how many shards
 */
public record Shard(int index, int count) {
  /** The whole list, as one shard. */
  public static final Shard ALL = new Shard(1, 1);

  /** Checks {@code 1 <= index <= count}. */
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw SettingException.mustBe("shard", "K/N with 1 <= K <= N", index + "/" + count);
    }
  }

  /**
   * Parses {@code K/N}. K is a number from 1 to N, or the name of an environment variable that
   * holds a 0-based index (as Kubernetes' {@code JOB_COMPLETION_INDEX} or Slurm's {@code
   * SLURM_ARRAY_TASK_ID} with {@code --array=0-(N-1)} do), to which 1 is added.
   *
   * @throws SettingException naming {@code shard}, the rule and the value
   */
  public static Shard parse(String text, Map<String, String> env) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw SettingException.mustBe("shard", "K/N", "'" + text + "'");
    }
    int count = number(parts[1], text);
    String k = parts[0].trim();
    if (!k.isEmpty() && Character.isDigit(k.charAt(0))) {
      return new Shard(number(k, text), count);
    }
    String value = env.get(k);
    if (value == null || value.isBlank()) {
      throw SettingException.invalid(
          "shard", "environment variable " + k + " is not set (in '" + text + "')");
    }
    int zeroBased = number(value, k + "=" + value);
    return new Shard(zeroBased + 1, count);
  }

  /** The jobs of {@code jobs} this shard runs, in order. */
  public List<BatchJob> of(List<BatchJob> jobs) {
    List<BatchJob> mine = new ArrayList<>();
    for (int i = index - 1; i < jobs.size(); i += count) {
      mine.add(jobs.get(i));
    }
    return mine;
  }

  /** {@code K/N}. */
  public String describe() {
    return index + "/" + count;
  }

  private static int number(String text, String whole) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw SettingException.mustBe("shard", "K/N with whole numbers", "'" + whole + "'");
    }
  }
}

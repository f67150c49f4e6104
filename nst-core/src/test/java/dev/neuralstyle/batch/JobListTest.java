package dev.neuralstyle.batch;

import static dev.neuralstyle.CliSpelling.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobListTest {
  private static final List<String> CONTENTS = List.of("in/a.jpg", "in/b.jpg", "in/c.jpg");
  private static final List<String> STYLES = List.of("s/x.png", "s/y.png");

  @Test
  void all_pairs_every_content_with_every_style_in_order() {
    List<BatchJob> jobs = JobList.pairs(CONTENTS, STYLES, Pairing.ALL);
    assertEquals(
        List.of("a__x", "a__y", "b__x", "b__y", "c__x", "c__y"),
        jobs.stream().map(BatchJob::name).toList());
  }

  @Test
  void zip_pairs_by_position_and_needs_equal_lengths() {
    List<BatchJob> jobs = JobList.pairs(CONTENTS.subList(0, 2), STYLES, Pairing.ZIP);
    assertEquals(List.of("a__x", "b__y"), jobs.stream().map(BatchJob::name).toList());
    NstException e =
        assertThrows(NstException.class, () -> JobList.pairs(CONTENTS, STYLES, Pairing.ZIP));
    assertTrue(cli(e).contains("--pairs"), cli(e));
  }

  @Test
  void two_inputs_with_one_name_are_refused() {
    NstException e =
        assertThrows(
            NstException.class,
            () -> JobList.pairs(List.of("a/p.jpg", "b/p.png"), STYLES, Pairing.ALL));
    assertTrue(cli(e).contains("p__x.png"), cli(e));
  }

  @Test
  void shards_cover_every_job_exactly_once() {
    List<BatchJob> jobs = JobList.pairs(CONTENTS, STYLES, Pairing.ALL);
    for (int n = 1; n <= 7; n++) {
      List<String> seen = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        List<BatchJob> part = new Shard(k, n).of(jobs);
        assertTrue(part.size() >= jobs.size() / n && part.size() <= jobs.size() / n + 1);
        part.forEach(j -> seen.add(j.name()));
      }
      assertEquals(jobs.size(), seen.size());
      assertEquals(Set.copyOf(jobs.stream().map(BatchJob::name).toList()), new HashSet<>(seen));
    }
  }

  @Test
  void shard_index_from_a_zero_based_environment_variable() {
    assertEquals(
        new Shard(3, 4),
        Shard.parse("JOB_COMPLETION_INDEX/4", Map.of("JOB_COMPLETION_INDEX", "2")));
    assertEquals(new Shard(2, 2), Shard.parse("2/2", Map.of()));
    assertThrows(NstException.class, () -> Shard.parse("3/2", Map.of()));
    assertThrows(NstException.class, () -> Shard.parse("JOB_COMPLETION_INDEX/4", Map.of()));
    assertThrows(NstException.class, () -> Shard.parse("1-2", Map.of()));
  }

  @Test
  void csv_jobs_with_quoted_lists_and_per_job_settings() {
    String csv =
        """
        content,style,style-weight,style-layers
        a.jpg,x.png,1e4,"relu1_1,relu2_1"
        b.jpg,y.png,,
        """;
    List<BatchJob> jobs = JobList.parse(csv, "jobs.csv", loc -> "/base/" + loc);
    assertEquals("/base/a.jpg", jobs.get(0).content());
    assertEquals(
        Map.of("style-weight", "1e4", "style-layers", "relu1_1,relu2_1"), jobs.get(0).settings());
    assertEquals(Map.of(), jobs.get(1).settings());
  }

  @Test
  void json_lines_jobs_accept_camel_case_names_and_arrays() {
    String jsonl =
        """
        {"content":"a.jpg","style":"x.png","tvWeight":0.01,"scales":[128,256]}

        {"content":"b.jpg","style":"x.png"}
        """;
    List<BatchJob> jobs = JobList.parse(jsonl, "jobs.jsonl", loc -> loc);
    assertEquals(Map.of("tv-weight", "0.01", "scales", "128,256"), jobs.get(0).settings());
    assertEquals(2, jobs.size());
  }

  @Test
  void an_unknown_setting_names_the_file_and_line() {
    NstException e =
        assertThrows(
            NstException.class,
            () -> JobList.parse("content,style,colour\na,b,red\n", "jobs.csv", loc -> loc));
    assertTrue(cli(e).startsWith("jobs file jobs.csv, line 2: unknown setting 'colour'"), cli(e));
  }
}

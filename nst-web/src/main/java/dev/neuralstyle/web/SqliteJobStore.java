package dev.neuralstyle.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.NstException;
import dev.neuralstyle.jobs.Job;
import dev.neuralstyle.jobs.JobId;
import dev.neuralstyle.jobs.JobState;
import dev.neuralstyle.jobs.JobStore;
import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.progress.StopReason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Job records in an embedded SQLite database (one table, {@code jobs}); settings and losses are
 * JSON columns. One connection, used under this object's lock.
 */
public final class SqliteJobStore implements JobStore, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, state, settings, created, iteration, iterations, losses, elapsed, stop_reason, error,"
          + " resumable";

  private final Connection db;

  private SqliteJobStore(Connection db) {
    this.db = db;
  }

  /**
   * Opens (creating if needed) the database {@code file}.
   *
   * @throws NstException naming the file if it cannot be opened
   */
  public static SqliteJobStore open(Path file) {
    try {
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, state TEXT NOT NULL,"
                + " settings TEXT NOT NULL, created TEXT NOT NULL, iteration INTEGER NOT NULL,"
                + " iterations INTEGER NOT NULL, losses TEXT, elapsed REAL NOT NULL,"
                + " stop_reason TEXT, error TEXT, resumable INTEGER NOT NULL)");
      }
      return new SqliteJobStore(db);
    } catch (SQLException e) {
      throw new NstException("cannot open the job database " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void save(Job job) {
    try (PreparedStatement p =
        db.prepareStatement(
            "INSERT OR REPLACE INTO jobs (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
      p.setString(1, job.id().value());
      p.setString(2, job.state().apiName());
      p.setString(3, JSON.writeValueAsString(job.settings()));
      p.setString(4, job.created().toString());
      p.setInt(5, job.iteration());
      p.setInt(6, job.iterations());
      if (job.losses() == null) {
        p.setNull(7, Types.VARCHAR);
      } else {
        p.setString(7, JSON.writeValueAsString(job.losses()));
      }
      p.setDouble(8, job.elapsedSeconds());
      p.setString(9, job.stopReason());
      p.setString(10, job.error());
      p.setInt(11, job.resumable() ? 1 : 0);
      p.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw new NstException("cannot save job " + job.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<Job> loadAll() {
    List<Job> jobs = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT " + COLUMNS + " FROM jobs ORDER BY created, id")) {
      while (r.next()) {
        String losses = r.getString(7);
        jobs.add(
            new Job(
                new JobId(r.getString(1)),
                JobState.parse(r.getString(2)),
                JSON.readValue(r.getString(3), new TypeReference<Map<String, String>>() {}),
                Instant.parse(r.getString(4)),
                r.getInt(5),
                r.getInt(6),
                losses == null ? null : JSON.readValue(losses, LossBreakdown.class),
                r.getDouble(8),
                StopReason.parse(r.getString(9)),
                r.getString(10),
                r.getInt(11) != 0));
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new NstException("cannot read the job database: " + e.getMessage(), e);
    }
    return jobs;
  }

  @Override
  public synchronized void delete(JobId id) {
    try (PreparedStatement p = db.prepareStatement("DELETE FROM jobs WHERE id = ?")) {
      p.setString(1, id.value());
      p.executeUpdate();
    } catch (SQLException e) {
      throw new NstException("cannot delete job " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing a database we only read and wrote through committed statements: nothing to lose
    }
  }
}

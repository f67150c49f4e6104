package dev.neuralstyle.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may use the server: the host names it answers to (loopback names, the address it is bound to,
 * and names the user allowed with {@code --allow-host}), and an optional per-server token that
 * every API request must carry (for a server exposed with {@code --host} on purpose).
 *
 * @param hosts the host names (lower case, without port) accepted in {@code Host} and {@code
 *     Origin}
 * @param token the token requests must present, or {@code null} for none (loopback use)
 */
public record WebAccess(Set<String> hosts, String token) {
  /** The names a loopback server always answers to. */
  public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

  /** Copies the names. */
  public WebAccess {
    hosts = Set.copyOf(hosts);
    if (token != null && token.length() < 16) {
      throw new IllegalArgumentException("the access token must have at least 16 characters");
    }
  }

  /**
   * The access of a server bound to {@code bindHost}: loopback names, the bound address (unless it
   * is a wildcard), and {@code allowed}.
   */
  public static WebAccess of(String bindHost, List<String> allowed, String token) {
    Set<String> names = new LinkedHashSet<>(LOOPBACK_NAMES);
    String bound = normalise(bindHost);
    if (!bound.equals("0.0.0.0") && !bound.equals("[::]") && !bound.isEmpty()) {
      names.add(bound);
    }
    for (String a : allowed) {
      names.add(normalise(a));
    }
    return new WebAccess(names, token);
  }

  /** Loopback names and no token: the default server. */
  public static WebAccess loopback() {
    return of("127.0.0.1", List.of(), null);
  }

  /** A fresh random token of 32 hex digits. */
  public static String randomToken() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** {@code Example.COM} → {@code example.com}; a bare IPv6 address gets its brackets. */
  static String normalise(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return h;
  }
}

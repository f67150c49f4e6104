package dev.neuralstyle.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Runs before every request, so that no other web page can drive the server: the {@code Host}
 * header must name this server (a DNS-rebinding page sends its own name), a state-changing request
 * ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) must come from this server's own
 * origin ({@code Sec-Fetch-Site} and {@code Origin}, which browsers always send on such requests),
 * and when the server has a token, every API request must carry it: as {@code Authorization:
 * Bearer}, or in the cookie that opening {@code /?token=…} sets. Refusals are JSON 401/403 naming
 * the rule.
 */
final class RequestGuard {
  static final String COOKIE = "nst_token";

  private final WebAccess access;

  RequestGuard(WebAccess access) {
    this.access = access;
  }

  void check(Context ctx) {
    String host = hostName(ctx.header("Host"));
    if (host == null || !access.hosts().contains(host)) {
      throw new ForbiddenResponse(
          "this server does not answer to host '"
              + shorten(ctx.header("Host"))
              + "' (start it with --allow-host NAME to allow a name)");
    }
    if (isStateChanging(ctx.method())) {
      String site = ctx.header("Sec-Fetch-Site");
      if (site != null && !site.equals("same-origin") && !site.equals("none")) {
        throw new ForbiddenResponse(
            "cross-site request refused (Sec-Fetch-Site: " + shorten(site) + ")");
      }
      String origin = ctx.header("Origin");
      if (origin != null && !sameOrigin(origin, ctx)) {
        throw new ForbiddenResponse(
            "request from another origin refused (Origin: " + shorten(origin) + ")");
      }
    }
    if (access.token() != null) {
      checkToken(ctx);
    }
  }

  private void checkToken(Context ctx) {
    String given = ctx.queryParam("token");
    if (given != null && equal(given, access.token()) && ctx.method() == HandlerType.GET) {
      // Opening the printed URL: keep the token in a cookie only this origin sends.
      ctx.header(
          "Set-Cookie", COOKIE + "=" + access.token() + "; Path=/; HttpOnly; SameSite=Strict");
      if (!ctx.path().startsWith("/api/")) {
        ctx.redirect("/");
      }
      return;
    }
    String auth = ctx.header("Authorization");
    if (auth != null && auth.startsWith("Bearer ") && equal(auth.substring(7), access.token())) {
      return;
    }
    String cookie = ctx.cookie(COOKIE);
    if (cookie != null && equal(cookie, access.token())) {
      return;
    }
    throw new UnauthorizedResponse(
        "this server needs its access token: open the URL it printed (with ?token=…) or send"
            + " 'Authorization: Bearer TOKEN'");
  }

  private boolean sameOrigin(String origin, Context ctx) {
    URI uri;
    try {
      uri = URI.create(origin.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    boolean https = "https".equals(uri.getScheme());
    if (uri.getHost() == null || !(https || "http".equals(uri.getScheme()))) {
      return false;
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    return access.hosts().contains(WebAccess.normalise(uri.getHost())) && port == ctx.port();
  }

  /** The name of a {@code Host} header without its port, lower case; {@code null} if absent. */
  static String hostName(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? null : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private static boolean isStateChanging(HandlerType method) {
    return method == HandlerType.POST
        || method == HandlerType.PUT
        || method == HandlerType.PATCH
        || method == HandlerType.DELETE;
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[^\\x20-\\x7e]", "?");
    return t.length() > 80 ? t.substring(0, 80) + "…" : t;
  }
}

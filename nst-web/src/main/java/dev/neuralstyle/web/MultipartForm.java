package dev.neuralstyle.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's multipart request, parsed once with every failure turned into a JSON answer: not
 * multipart or no boundary (400), larger than the server accepts (413, checked from {@code
 * Content-Length} before anything is read, and again by the parser), truncated or malformed (400),
 * more parts than a job can have (400). The parser's own messages are shortened to one line.
 *
 * @param fields the text fields
 * @param content the file parts named content
 * @param styles the file parts named style
 */
record MultipartForm(
    Map<String, List<String>> fields, List<UploadedFile> content, List<UploadedFile> styles) {
  /** More parts than any job needs: every option, the images and a little slack. */
  static final int MAX_PARTS = 64;

  static MultipartForm parse(Context ctx, long maxRequestBytes) {
    String type = ctx.header("Content-Type");
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("multipart/form-data")) {
      throw new BadRequestResponse(
          "a job is sent as multipart/form-data, found Content-Type '" + shorten(type) + "'");
    }
    if (!lower.contains("boundary=")) {
      throw new BadRequestResponse("the multipart/form-data request has no boundary");
    }
    long length = ctx.req().getContentLengthLong();
    if (length > maxRequestBytes) {
      throw new ContentTooLargeResponse(
          "the request is " + length + " bytes; the limit is " + maxRequestBytes + " bytes");
    }
    Map<String, List<String>> fields;
    List<UploadedFile> content;
    List<UploadedFile> styles;
    int parts;
    try {
      fields = ctx.formParamMap();
      content = ctx.uploadedFiles("content");
      styles = ctx.uploadedFiles("style");
      parts = ctx.req().getParts().size();
    } catch (Exception e) { // Jetty reports every multipart problem as some exception
      throw failure(e, maxRequestBytes);
    }
    if (parts > MAX_PARTS) {
      throw new BadRequestResponse(
          "the request has " + parts + " parts; a job has at most " + MAX_PARTS);
    }
    return new MultipartForm(fields, content, styles);
  }

  private static RuntimeException failure(Exception e, long maxRequestBytes) {
    String why = deepestMessage(e);
    String lower = why.toLowerCase(Locale.ROOT);
    if (lower.contains("exceeds") || lower.contains("too large") || lower.contains("max")) {
      return new ContentTooLargeResponse(
          "the upload is larger than this server accepts (at most "
              + maxRequestBytes
              + " bytes in all): "
              + shorten(why));
    }
    if (lower.contains("too many") || lower.contains("parts")) {
      return new BadRequestResponse("the request has too many parts: " + shorten(why));
    }
    return new BadRequestResponse("malformed multipart request: " + shorten(why));
  }

  private static String deepestMessage(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message == null ? "unreadable body" : message;
  }

  static String shorten(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[^\\x20-\\x7e]", "?");
    return t.length() > 120 ? t.substring(0, 120) + "…" : t;
  }
}

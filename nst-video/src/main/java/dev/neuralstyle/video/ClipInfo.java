package dev.neuralstyle.video;

/**
 * What decoding a clip found.
 *
 * @param frames the number of frames
 * @param fps frames per second
 * @param width frame width after the size cap
 * @param height frame height after the size cap
 * @param audio whether the input has an audio track (a video file only)
 */
public record ClipInfo(int frames, double fps, int width, int height, boolean audio) {}

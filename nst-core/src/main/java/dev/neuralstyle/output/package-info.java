/**
 * A finished run's files. {@link dev.neuralstyle.output.RunOutput} is the one list of them (role,
 * key, description, file names, content type), {@link dev.neuralstyle.output.RunOutputs} writes
 * them (used by the CLI, the web app and batches alike) and {@link
 * dev.neuralstyle.output.OutputFiles} says where each one goes. The pictures are drawn by {@code
 * output.render}; the run record (run.json) is written and read back by {@code output.record}.
 */
package dev.neuralstyle.output;

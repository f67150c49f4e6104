/**
 * The run record, {@code run.json}: {@link dev.neuralstyle.output.record.RunRecordWriter} writes
 * every setting by its schema key and wire name, the weights' provenance, the steps and timings;
 * {@link dev.neuralstyle.output.record.RunRecordReader} reads one back as a {@link
 * dev.neuralstyle.output.record.RecordedRun} (a missing key takes its default), which is what a
 * resumed run continues.
 */
package dev.neuralstyle.output.record;

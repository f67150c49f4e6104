/**
 * Pictures made from a run: the comparison panel ({@link
 * dev.neuralstyle.output.render.ComparisonPanel}), image grids ({@link
 * dev.neuralstyle.output.render.ImageGrid}), the progress GIF ({@link
 * dev.neuralstyle.output.render.AnimatedGifWriter}) and the loss plot ({@link
 * dev.neuralstyle.output.render.LossPlot}). Pure functions of their inputs; no file is read.
 */
package dev.neuralstyle.output.render;

/**
 * Running per-endpoint baselines (exponentially weighted mean and variance) of traffic
 * metadata, and detection of observations that deviate beyond k sigma. Plain Java.
 */
package dev.aisecurity.guard.drift;

/**
 * Auto-configuration of the in-process ONNX prompt-injection classifier.
 */
package dev.aisecurity.autoconfigure.onnx;

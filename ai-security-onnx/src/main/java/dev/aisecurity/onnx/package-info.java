/**
 * An in-process prompt-injection classifier on ONNX Runtime and Hugging Face tokenizers,
 * free of Spring: token windows, the default sentence-encoder model with its trained
 * head, user sequence-classification models, latency budget and calibration.
 */
package dev.aisecurity.onnx;

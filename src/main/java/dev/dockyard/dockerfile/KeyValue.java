package dev.dockyard.dockerfile;

/**
 * One {@code key=value} item of ENV, LABEL or ARG, as written (quotes and variables intact).
 *
 * @param key the key as written
 * @param value the value as written; null only for an ARG declared without a default
 */
public record KeyValue(String key, String value) {}

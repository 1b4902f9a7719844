package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How settings read from a build are normalized: trimmed, blanks dropped, copies immutable. */
final class SettingValues {

  private SettingValues() {}

  static String trimToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  static List<String> folders(List<String> values) {
    List<String> copy = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        String folder = folder(value);
        if (folder != null) {
          copy.add(folder);
        }
      }
    }
    return Collections.unmodifiableList(copy);
  }

  static String folder(String value) {
    String trimmed = trimToNull(value);
    return trimmed == null ? null : stripTrailingSlashes(trimmed.replace('\\', '/'));
  }

  static String stripTrailingSlashes(String path) {
    String stripped = path;
    while (stripped.length() > 1 && stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  static List<String> droppingBlanks(List<String> values) {
    List<String> copy = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        if (value != null && !value.isBlank()) {
          copy.add(value.trim());
        }
      }
    }
    return Collections.unmodifiableList(copy);
  }

  static List<String> keepingEmpty(List<String> values) {
    List<String> copy = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        copy.add(value == null ? "" : value);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  static Map<String, String> entries(Map<String, String> values) {
    Map<String, String> copy = new LinkedHashMap<>();
    if (values != null) {
      values.forEach((k, v) -> copy.put(k == null ? "" : k.trim(), v == null ? "" : v));
    }
    return Collections.unmodifiableMap(copy);
  }
}

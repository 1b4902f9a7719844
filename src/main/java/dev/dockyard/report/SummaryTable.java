package dev.dockyard.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats the end-of-reactor summary: one aligned row a module, in reactor order. */
public final class SummaryTable {

  private static final String[] HEADER = {
    "module", "image", "tags", "result", "change", "digest", "size", "new", "shared"
  };

  private SummaryTable() {}

  /** The table's lines, header first; skipped modules carry their reason at the end. */
  public static List<String> format(List<SummaryRow> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    for (SummaryRow row : rows) {
      cells.add(
          new String[] {
            row.module(),
            row.image(),
            row.tags(),
            row.outcome(),
            row.changeText(),
            row.digest().isEmpty() ? "" : shortDigest(row.digest()),
            row.size() < 0 ? "" : humanSize(row.size()),
            row.shared() < 0 || row.size() < 0 ? "" : humanSize(row.size() - row.shared()),
            row.shared() < 0 ? "" : humanSize(row.shared())
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder text = new StringBuilder();
      String[] line = cells.get(r);
      for (int i = 0; i < line.length; i++) {
        text.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", line[i]));
      }
      if (r > 0 && !rows.get(r - 1).reason().isEmpty()) {
        text.append(rows.get(r - 1).reason());
      }
      lines.add(text.toString().stripTrailing());
    }
    return lines;
  }

  static String shortDigest(String digest) {
    int colon = digest.indexOf(':');
    String hash = colon < 0 ? digest : digest.substring(colon + 1);
    return digest.substring(0, colon + 1) + hash.substring(0, Math.min(12, hash.length()));
  }

  static String humanSize(long bytes) {
    if (bytes < 1_000) {
      return bytes + " B";
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1_000.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}

package dev.dockyard.dockerfile;

import java.util.Locale;

/**
 * The known name closest to a misspelt one, when close enough to be a typo: an edit distance of at
 * most a quarter of its length, and at least 2. Of equally close names the first wins (alphabetical
 * for a sorted set).
 */
final class NearestName {

  private NearestName() {}

  /** The closest known name, compared as written; null when none is close enough. */
  static String of(String word, Iterable<String> known) {
    return nearest(word, known, false);
  }

  /** The closest known name, compared ignoring case; null when none is close enough. */
  static String ignoringCase(String word, Iterable<String> known) {
    return nearest(word, known, true);
  }

  private static String nearest(String word, Iterable<String> known, boolean ignoreCase) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String a = ignoreCase ? word.toUpperCase(Locale.ROOT) : word;
    for (String candidate : known) {
      int distance = levenshtein(a, ignoreCase ? candidate.toUpperCase(Locale.ROOT) : candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(2, word.length() / 4) ? best : null;
  }

  /**
   * Edit distance; written here because plexus-utils, the string library on this plugin's
   * classpath, has none (commons-lang3's is deprecated in favour of commons-text, which is not).
   */
  static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

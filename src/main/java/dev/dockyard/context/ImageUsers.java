package dev.dockyard.context;

import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The users and groups of an image's {@code /etc/passwd} and {@code /etc/group}, and how Docker
 * turns a {@code --chown} value into numeric ids with them.
 *
 * <p>Docker's rules: a numeric part is taken as it is, whether the image knows the id or not; a
 * name is looked up (the first line with that name wins). A user without a group gets, when given
 * by name, the user's primary group from {@code /etc/passwd}, and when given as a number, the same
 * number as group id.
 */
public final class ImageUsers {

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** An image without {@code /etc/passwd} and {@code /etc/group}: only numeric ids resolve. */
  public static final ImageUsers NONE = new ImageUsers(Map.of(), Map.of(), Map.of());

  private final Map<String, Long> uids;
  private final Map<String, Long> primaryGids;
  private final Map<String, Long> gids;

  private ImageUsers(
      Map<String, Long> uids, Map<String, Long> primaryGids, Map<String, Long> gids) {
    this.uids = uids;
    this.primaryGids = primaryGids;
    this.gids = gids;
  }

  /**
   * Reads the two files' text; either may be null when the image lacks it. Lines that are not
   * {@code name:password:id:...} with a numeric id are skipped, as Docker skips them.
   */
  public static ImageUsers parse(String passwd, String group) {
    Map<String, Long> uids = new HashMap<>();
    Map<String, Long> primaryGids = new HashMap<>();
    for (String[] fields : lines(passwd, 4)) {
      if (NUMBER.matcher(fields[2]).matches() && NUMBER.matcher(fields[3]).matches()) {
        uids.putIfAbsent(fields[0], Long.parseLong(fields[2]));
        primaryGids.putIfAbsent(fields[0], Long.parseLong(fields[3]));
      }
    }
    Map<String, Long> gids = new HashMap<>();
    for (String[] fields : lines(group, 3)) {
      if (NUMBER.matcher(fields[2]).matches()) {
        gids.putIfAbsent(fields[0], Long.parseLong(fields[2]));
      }
    }
    return new ImageUsers(uids, primaryGids, gids);
  }

  /** Whether a {@code --chown} value names a user or group, so that it needs the image's files. */
  public static boolean namesAnyone(String chown) {
    for (String part : chown.split(":", -1)) {
      if (!NUMBER.matcher(part).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The step's {@code --chown} as {@code uid:gid}, or null when it has none.
   *
   * @throws DockerfileException when it names a user or group the image does not know
   */
  public String resolve(CopyStep step) throws DockerfileException {
    String chown = step.chown();
    if (chown == null) {
      return null;
    }
    int colon = chown.indexOf(':');
    String user = colon < 0 ? chown : chown.substring(0, colon);
    String group = colon < 0 ? null : chown.substring(colon + 1);
    long uid;
    long gid;
    if (NUMBER.matcher(user).matches()) {
      uid = Long.parseLong(user);
      gid = uid;
    } else if (uids.containsKey(user)) {
      uid = uids.get(user);
      gid = primaryGids.get(user);
    } else {
      throw unknown(step, "user", user, "/etc/passwd");
    }
    if (group != null) {
      if (NUMBER.matcher(group).matches()) {
        gid = Long.parseLong(group);
      } else if (gids.containsKey(group)) {
        gid = gids.get(group);
      } else {
        throw unknown(step, "group", group, "/etc/group");
      }
    }
    return uid + ":" + gid;
  }

  private static DockerfileException unknown(CopyStep step, String what, String name, String file) {
    return new DockerfileException(
        step.keyword() + " --chown names a " + what + " the base image does not have",
        name,
        step.location(),
        "use a " + what + " listed in the base image's " + file + ", or a numeric id");
  }

  private static Iterable<String[]> lines(String text, int minFields) {
    if (text == null) {
      return java.util.List.of();
    }
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split(":", -1))
        .filter(fields -> fields.length >= minFields && !fields[0].isEmpty())
        .toList();
  }
}

package dev.dockyard.files;

import java.io.IOException;
import java.nio.file.Path;

/** A failed file access with the path and what was being done, for errors that say both. */
public final class FileAccessException extends IOException {

  private final String doing;
  private final transient Path path;

  /**
   * @param doing what was being done, e.g. {@code writing the image report}
   * @param path the file or folder it was done to
   */
  public FileAccessException(String doing, Path path, IOException cause) {
    super(doing + " '" + path + "': " + cause.getMessage(), cause);
    this.doing = doing;
    this.path = path;
  }

  public String doing() {
    return doing;
  }

  public Path path() {
    return path;
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}

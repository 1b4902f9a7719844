package dev.dockyard.dockerfile;

import java.util.Map;

/**
 * What a Dockerfile may inherit from its base image: consulted lazily, only when a variable is not
 * defined by the Dockerfile itself or a WORKDIR is relative.
 */
public interface BaseImageConfig {

  /** The base image's environment, in its declared order. */
  Map<String, String> environment();

  /** The base image's working directory, {@code /} when it sets none. */
  String workingDirectory();

  /** A base image without environment and with working directory {@code /}. */
  BaseImageConfig EMPTY =
      new BaseImageConfig() {
        @Override
        public Map<String, String> environment() {
          return Map.of();
        }

        @Override
        public String workingDirectory() {
          return "/";
        }
      };
}

package dev.dockyard.dockerfile;

import dev.dockyard.setting.SettingException;

/** A setting the generated Dockerfile cannot express. */
public class DockerfileGeneratorException extends SettingException {

  private static final long serialVersionUID = 1L;

  public DockerfileGeneratorException(String what, String badValue, String where, String fix) {
    super(what, badValue, where, fix);
  }
}

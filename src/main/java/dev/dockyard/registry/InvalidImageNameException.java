package dev.dockyard.registry;

import dev.dockyard.setting.SettingException;

/** An image name or tag that breaks the Docker reference grammar; the rule in words is the fix. */
public class InvalidImageNameException extends SettingException {

  private static final long serialVersionUID = 1L;

  public InvalidImageNameException(String what, String badValue, String where, String rule) {
    super(what, badValue, where, rule);
  }
}
